package io.stagewatch.notify.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.stagewatch.config.Interpolated;
import io.stagewatch.config.SecretCollector;
import io.stagewatch.config.Secrets;
import io.stagewatch.config.SlackSection;
import io.stagewatch.notify.Delivery;
import io.stagewatch.notify.Notice;
import io.stagewatch.notify.NoticeCheck;
import io.stagewatch.notify.NoticeKind;
import io.stagewatch.run.RunInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delivery against a Slack stand-in: the webhook and the Web API, and how each answer is taken. */
class SlackNotifierTest {
  static final String HOOK = "/services/T0/B0/hooksecret";
  static final String TOKEN = "xoxb-1-tokensecret";
  static final String PAYLOAD = "{\"text\":\"hello\",\"blocks\":[{\"type\":\"divider\"}]}";

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  SlackNotifier notifier;

  SlackNotifier webhook(Duration budget) {
    SlackSection config = new SlackSection(slack.baseUrl() + HOOK, null, null, "");
    notifier = SlackNotifier.of(config, webhookSecrets(config.webhookUrl()), budget);
    return notifier;
  }

  SlackNotifier bot(Duration budget) {
    SlackSection config = new SlackSection(null, TOKEN, "#staging", slack.baseUrl() + "/api/");
    notifier = SlackNotifier.of(config, secrets(TOKEN), budget);
    return notifier;
  }

  static Secrets secrets(String secret) {
    SecretCollector secrets = new SecretCollector();
    secrets.add(secret);
    return secrets.freeze();
  }

  /** A webhook URL's secrets as loading the config collects them: the URL and its path. */
  static Secrets webhookSecrets(String url) {
    SecretCollector secrets = new SecretCollector();
    secrets.webhookUrl("notify.slack.webhookUrl", Interpolated.literal(url));
    return secrets.freeze();
  }

  @AfterEach
  void close() {
    if (notifier != null) {
      notifier.close();
    }
  }

  List<LoggedRequest> hookRequests() {
    return slack.findAll(postRequestedFor(urlPathEqualTo(HOOK)));
  }

  @Test
  void aWebhookGetsThePayloadAsIs() {
    slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(200).withBody("ok")));

    assertThat(webhook(Duration.ofSeconds(2)).send(PAYLOAD)).isEqualTo(Delivery.sent());

    slack.verify(1, postRequestedFor(urlPathEqualTo(HOOK)).withRequestBody(equalToJson(PAYLOAD)));
  }

  @Test
  void aServerErrorIsRetriedWithinTheRun() {
    slack.stubFor(
        post(HOOK)
            .inScenario("s")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500).withBody("rollup_error"))
            .willSetStateTo("up"));
    slack.stubFor(
        post(HOOK)
            .inScenario("s")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200).withBody("ok")));

    assertThat(webhook(Duration.ofSeconds(2)).send(PAYLOAD).outcome())
        .isEqualTo(Delivery.Outcome.SENT);
    assertThat(hookRequests()).hasSize(2);
  }

  @Test
  void aServerErrorThatLastsIsLeftForTheNextRunAfterTheBudget() {
    slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(503).withBody("down")));

    long start = System.nanoTime();
    Delivery delivery = webhook(Duration.ofMillis(1_000)).send(PAYLOAD);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY_LATER);
    assertThat(delivery.error()).contains("HTTP 503", "down").doesNotContain("hooksecret");
    assertThat(hookRequests()).hasSizeBetween(2, 4);
  }

  @Test
  void aRateLimitWaitsForRetryAfter() {
    slack.stubFor(
        post(HOOK)
            .inScenario("r")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("ok"));
    slack.stubFor(
        post(HOOK)
            .inScenario("r")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withBody("ok")));

    long start = System.nanoTime();
    // A budget well past the 1 s asked for: the first request also starts the Slack client, which
    // takes seconds on a loaded machine.
    Delivery delivery = webhook(Duration.ofSeconds(10)).send(PAYLOAD);

    assertThat(delivery).isEqualTo(Delivery.sent());
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    List<LoggedRequest> requests = hookRequests();
    assertThat(requests).hasSize(2);
    assertThat(
            Duration.between(
                requests.get(0).getLoggedDate().toInstant(),
                requests.get(1).getLoggedDate().toInstant()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void aRateLimitLongerThanTheBudgetLeavesTheMessagePending() {
    slack.stubFor(
        post(HOOK).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

    Delivery delivery = webhook(Duration.ofSeconds(2)).send(PAYLOAD);

    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY_LATER);
    assertThat(delivery.error()).contains("rate limited");
    assertThat(hookRequests()).hasSize(1);
  }

  @Test
  void aWebhookThatIsGoneFailsAtOnce() {
    slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(404).withBody("no_service")));

    Delivery delivery = webhook(Duration.ofSeconds(2)).send(PAYLOAD);

    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.FAILED);
    assertThat(delivery.error()).isEqualTo("Slack answered HTTP 404 no_service");
    assertThat(hookRequests()).hasSize(1);
  }

  @Test
  void aBotTokenPostsToChatPostMessageWithTheChannel() {
    slack.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":true}")));

    assertThat(bot(Duration.ofSeconds(2)).send(PAYLOAD)).isEqualTo(Delivery.sent());

    List<LoggedRequest> requests =
        slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    assertThat(requests)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
              String form = URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8);
              assertThat(form)
                  .contains("channel=#staging", "text=hello", "blocks=[{\"type\":\"divider\"}]");
            });
    slack.verify(0, postRequestedFor(urlPathEqualTo("/api/auth.test")));
  }

  @Test
  void invalidAuthIsReportedAndNotRetried() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));

    Delivery delivery = bot(Duration.ofSeconds(2)).send(PAYLOAD);

    assertThat(delivery).isEqualTo(Delivery.failed("Slack refused chat.postMessage: invalid_auth"));
    slack.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
  }

  @Test
  void theWebApiRateLimitWaitsForRetryAfter() {
    slack.stubFor(
        post("/api/chat.postMessage")
            .inScenario("r")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
            .willSetStateTo("ok"));
    slack.stubFor(
        post("/api/chat.postMessage")
            .inScenario("r")
            .whenScenarioStateIs("ok")
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(okJson("{\"ok\":true}")));

    long start = System.nanoTime();
    assertThat(bot(Duration.ofSeconds(3)).send(PAYLOAD)).isEqualTo(Delivery.sent());
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aNetworkErrorIsRetriedLaterWithoutShowingTheUrl() {
    SlackSection config =
        new SlackSection("http://127.0.0.1:1/services/T0/B0/hooksecret", null, null, "");
    notifier =
        SlackNotifier.of(config, webhookSecrets(config.webhookUrl()), Duration.ofMillis(300));

    Delivery delivery = notifier.send(PAYLOAD);

    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY_LATER);
    assertThat(delivery.error())
        .startsWith("Slack could not be reached")
        .doesNotContain("hooksecret");
  }

  @Test
  void theClientKeepsNoRequestLoggingAndMakesNoStatsCalls() {
    com.slack.api.SlackConfig config = SlackNotifier.clientConfig("http://127.0.0.1:9/api/");

    assertThat(config.getHttpClientResponseHandlers()).isEmpty();
    assertThat(config.isStatsEnabled()).isFalse();
    assertThat(config.isPrettyResponseLoggingEnabled()).isFalse();
    assertThat(config.getMethodsEndpointUrlPrefix()).isEqualTo("http://127.0.0.1:9/api/");
  }

  @Test
  void aRenderedMessageHasEverySecretMasked() {
    Notice notice =
        new Notice(
            NoticeKind.ALERT,
            new RunInfo("r1", "shop", "staging", "ci", TOKEN, Instant.EPOCH),
            Duration.ofSeconds(1),
            1,
            1,
            List.of(new NoticeCheck("api/a", "server echoed " + TOKEN, Duration.ZERO)),
            List.of(),
            null);

    String payload = bot(Duration.ofSeconds(1)).render(notice);

    assertThat(payload).doesNotContain("tokensecret").contains("server echoed ***");
  }
}
