package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.stagewatch.store.jdbc.OlderStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with Slack, a webhook and PagerDuty configured as channels, each a WireMock stand-in,
 * and a real SQLite store: each channel gets what its tags select, retries on its own, and one
 * channel's outage holds no other.
 */
class NotificationChannelsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension hook =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension pagerDuty =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();
  static final String HOOK_TOKEN = "hook-token-5521-abcdef";
  static final String HOOK_SECRET = "hook-signing-secret-8812";
  static final String ROUTING_KEY = "R0UTINGKEY77aa88bb";

  static final String CHANNELS =
      """
      notify:
        policy:
          reportUrl: https://ci.example.test/stagewatch/latest
        channels:
          - slack:
              webhookUrl: ${SLACK_WEBHOOK_URL}
          - webhook:
              url: ${HOOK_URL}
              headers: {Authorization: "Bearer ${HOOK_TOKEN}"}
              secret: ${HOOK_SECRET}
              template: >-
                {"env": "{{environment}}", "kind": "{{kind}}",
                "checks": [{{#checks}}"{{id}}: {{reason}}"{{^-last}}, {{/-last}}{{/checks}}]}
          - pagerduty:
              routingKey: ${PD_ROUTING_KEY}
              apiUrl: ${PD_URL}
              severity: error
              tags: critical
      """;

  @TempDir Path dir;

  @BeforeEach
  void peersAnswer() {
    slack.resetAll();
    SlackWebhook.answers(slack, 200, "ok");
    hook.resetAll();
    hook.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
    pagerDutyAnswers(202);
  }

  void pagerDutyAnswers(int status) {
    pagerDuty.resetAll();
    pagerDuty.stubFor(
        post("/v2/enqueue")
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Retry-After", "60")
                    .withBody("{\"status\":\"answer " + status + "\"}")));
  }

  CliRun project(String notify) throws IOException {
    return new CliRun(dir)
        .config(
            """
            project: shop
            environments:
              staging:
                baseUrl: ${STAGING_URL}
            defaults:
              timeout: 3s
              retry: {attempts: 1}
            store:
              url: "jdbc:sqlite:%s"
            """
                    .formatted(dir.resolve("store/stagewatch.db"))
                + notify)
        .suite(
            "health.yaml",
            """
            name: health
            checks:
              - name: up
                tags: [critical]
                http: {path: /health}
                expect: {status: 200}
              - name: home
                http: {path: /}
                expect: {status: 200}
            """)
        .env("STAGING_URL", staging.baseUrl())
        .env("SLACK_WEBHOOK_URL", SlackWebhook.url(slack))
        .env("HOOK_URL", hook.baseUrl() + "/hook")
        .env("HOOK_TOKEN", HOOK_TOKEN)
        .env("HOOK_SECRET", HOOK_SECRET)
        .env("PD_ROUTING_KEY", ROUTING_KEY)
        .env("PD_URL", pagerDuty.baseUrl() + "/v2/enqueue");
  }

  int run(CliRun cli, int health, int home) {
    staging.resetAll();
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(health)));
    staging.stubFor(get("/").willReturn(aResponse().withStatus(home)));
    return cli.runChecks("--trigger", "cron");
  }

  static List<LoggedRequest> posts(WireMockExtension peer, String path) {
    List<LoggedRequest> posts =
        new ArrayList<>(peer.findAll(postRequestedFor(urlPathEqualTo(path))));
    posts.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    return posts;
  }

  static List<JsonNode> events() throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (LoggedRequest r : posts(pagerDuty, "/v2/enqueue")) {
      events.add(JSON.readTree(r.getBodyAsString()));
    }
    return events;
  }

  JsonNode notifications(CliRun cli) throws IOException {
    return JSON.readTree(cli.report("result.json")).get("notifications");
  }

  @Test
  void theWebhookGetsItsTemplateSignedAndPagerDutyOnlyTheChecksItsTagsSelect() throws Exception {
    CliRun cli = project(CHANNELS);

    assertThat(run(cli, 500, 500)).as(cli.err).isEqualTo(ExitCodes.FAILED);

    List<LoggedRequest> hooks = posts(hook, "/hook");
    assertThat(hooks).hasSize(1);
    LoggedRequest request = hooks.get(0);
    JsonNode body = JSON.readTree(request.getBodyAsString());
    assertThat(body.get("env").asText()).isEqualTo("staging");
    assertThat(body.get("kind").asText()).isEqualTo("alert");
    assertThat(body.get("checks")).hasSize(2);
    assertThat(body.get("checks").get(0).asText())
        .as("a reason's line breaks are escaped for JSON")
        .startsWith("health/up: expected status 200, got 500\n");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + HOOK_TOKEN);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(request.getHeader("X-Stagewatch-Signature"))
        .isEqualTo("sha256=" + hmacSha256(HOOK_SECRET, request.getBody()));

    List<JsonNode> events = events();
    assertThat(events).as("only the critical check pages").hasSize(1);
    JsonNode trigger = events.get(0);
    assertThat(trigger.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
    assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
    assertThat(trigger.get("dedup_key").asText()).isEqualTo("stagewatch/staging/health/up");
    assertThat(trigger.at("/payload/severity").asText()).isEqualTo("error");
    assertThat(trigger.at("/payload/summary").asText()).contains("health/up", "got 500");
    assertThat(trigger.get("client_url").asText())
        .isEqualTo("https://ci.example.test/stagewatch/latest");

    assertThat(SlackWebhook.posts(slack)).hasSize(1);
    assertThat(cli.out)
        .contains("slack: alert about 2 checks sent.")
        .contains("webhook: alert about 2 checks sent.")
        .contains("pagerduty: alert about 1 check sent.");
    assertThat(notifications(cli).findValuesAsText("notifier"))
        .containsExactly("slack", "webhook", "pagerduty");
    assertThat(cli.writtenFilesHolding(HOOK_TOKEN, HOOK_SECRET, ROUTING_KEY))
        .as("no secret in the reports or the store")
        .isEmpty();
    assertThat(cli.out + cli.err).doesNotContain(HOOK_TOKEN, HOOK_SECRET, ROUTING_KEY);
  }

  @Test
  void aRecoveryResolvesTheAlertPagerDutyOpenedWithTheSameKey() throws Exception {
    CliRun cli = project(CHANNELS);
    assertThat(run(cli, 500, 200)).isEqualTo(ExitCodes.FAILED);
    assertThat(run(cli, 200, 200)).as(cli.err).isEqualTo(ExitCodes.PASSED);

    List<JsonNode> events = events();
    assertThat(events)
        .extracting(e -> e.get("event_action").asText())
        .containsExactly("trigger", "resolve");
    assertThat(events.get(1).get("dedup_key").asText())
        .isEqualTo(events.get(0).get("dedup_key").asText())
        .isEqualTo("stagewatch/staging/health/up");
    assertThat(events.get(1).get("routing_key").asText()).isEqualTo(ROUTING_KEY);
    assertThat(JSON.readTree(posts(hook, "/hook").get(1).getBodyAsString()).get("kind").asText())
        .isEqualTo("recovery");
  }

  @Test
  void aNoticeNoneOfWhoseChecksAChannelSelectsIsNotWrittenForIt() throws Exception {
    CliRun cli = project(CHANNELS);

    assertThat(run(cli, 200, 500)).isEqualTo(ExitCodes.FAILED);

    assertThat(events()).isEmpty();
    assertThat(posts(hook, "/hook")).hasSize(1);
    assertThat(notifications(cli).findValuesAsText("notifier")).containsExactly("slack", "webhook");
  }

  @Test
  void pagerDutyRateLimitingIsRetriedByTheNextRunAndARefusalIsReported() throws Exception {
    CliRun cli = project(CHANNELS);
    pagerDutyAnswers(429);

    assertThat(run(cli, 500, 200)).isEqualTo(ExitCodes.FAILED);
    assertThat(cli.err).contains("pagerduty: alert about 1 check not delivered yet");
    assertThat(cli.err).contains("PagerDuty answered HTTP 429");
    assertThat(posts(hook, "/hook")).hasSize(1);

    pagerDutyAnswers(202);
    assertThat(run(cli, 500, 200)).isEqualTo(ExitCodes.FAILED);
    assertThat(events()).hasSize(1);
    assertThat(events().get(0).get("dedup_key").asText()).isEqualTo("stagewatch/staging/health/up");
    assertThat(cli.out).contains("pagerduty: alert about 1 check sent.");
    assertThat(posts(hook, "/hook")).as("the webhook is not sent to twice").hasSize(1);

    pagerDutyAnswers(400);
    assertThat(run(cli, 200, 200)).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.err)
        .contains("pagerduty: recovery about 1 check could not be delivered")
        .contains("answer 400");
    assertThat(notifications(cli).findValuesAsText("status")).contains("failed", "sent");
  }

  @Test
  void aSlackOutageHoldsNeitherTheWebhookNorPagerDutyAndSlackGetsItsNoticesInOrderLater()
      throws Exception {
    CliRun cli = project(CHANNELS);
    slack.resetAll();
    SlackWebhook.answers(slack, 503, "service unavailable");

    assertThat(run(cli, 500, 200)).isEqualTo(ExitCodes.FAILED);
    List<LoggedRequest> slackTries = SlackWebhook.posts(slack);
    assertThat(slackTries).as("Slack is retried within its budget").hasSizeGreaterThan(1);
    Instant slackGaveUp =
        slackTries.stream().map(r -> r.getLoggedDate().toInstant()).max(Instant::compareTo).get();
    assertThat(posts(hook, "/hook").get(0).getLoggedDate().toInstant()).isBefore(slackGaveUp);
    assertThat(posts(pagerDuty, "/v2/enqueue").get(0).getLoggedDate().toInstant())
        .isBefore(slackGaveUp);
    assertThat(cli.err).contains("slack: alert about 1 check not delivered yet");
    assertThat(cli.out).contains("webhook: alert about 1 check sent.");

    assertThat(run(cli, 200, 200)).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.err).contains("slack: alert about 1 check not delivered yet");
    assertThat(cli.err).contains("slack: recovery about 1 check not delivered yet");
    assertThat(cli.out).contains("webhook: recovery about 1 check sent.");

    slack.resetAll();
    SlackWebhook.answers(slack, 200, "ok");
    assertThat(run(cli, 200, 200)).isEqualTo(ExitCodes.PASSED);
    List<LoggedRequest> delivered = SlackWebhook.posts(slack);
    assertThat(delivered).hasSize(2);
    assertThat(JSON.readTree(delivered.get(0).getBodyAsString()).get("text").asText())
        .startsWith("🔴");
    assertThat(JSON.readTree(delivered.get(1).getBodyAsString()).get("text").asText())
        .startsWith("🟢");
    assertThat(posts(hook, "/hook")).as("the webhook got each notice once").hasSize(2);
  }

  @Test
  void aStoreFromBeforeChannelsDeliversItsPendingNoticeToSlack() throws Exception {
    OlderStores.version5WithPendingNotice(
        "jdbc:sqlite:" + dir.resolve("store/stagewatch.db"),
        "old-run/0",
        "old-run",
        "{\"text\":\"left over from before the upgrade\"}",
        Instant.parse("2026-11-30T10:00:00Z"));
    CliRun cli =
        project(
            """
            notify:
              slack:
                webhookUrl: ${SLACK_WEBHOOK_URL}
            """);

    assertThat(run(cli, 200, 200)).as(cli.err).isEqualTo(ExitCodes.PASSED);

    List<LoggedRequest> delivered = SlackWebhook.posts(slack);
    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0).getBodyAsString()).contains("left over from before the upgrade");
    assertThat(cli.out).contains("slack: alert about 1 check sent.");
  }

  @Test
  void validateShowsTheOldSlackFormInTheNewOneWithoutItsSecret() throws Exception {
    CliRun cli =
        project(
            """
            notify:
              slack:
                webhookUrl: ${SLACK_WEBHOOK_URL}
                failureThreshold: 3
                reminderInterval: 6h
            """);

    assertThat(cli.run("validate", "-c", cli.configFile().toString()))
        .as(cli.err)
        .isEqualTo(ExitCodes.PASSED);

    assertThat(cli.err)
        .contains("notify.slack is the old form")
        .contains("failureThreshold: 3")
        .contains("reminderInterval: 6h")
        .contains("  channels:\n    - slack:\n        webhookUrl: …")
        .doesNotContain(SlackWebhook.PATH);
  }

  @Test
  void validateNamesABrokenTemplateAndTwoChannelsOfOneName() throws Exception {
    CliRun cli =
        project(
            """
            notify:
              channels:
                - webhook:
                    url: https://hooks.example.test/a
                    template: '{"text": "{{#checks}}{{id}}"}'
                - webhook: {url: https://hooks.example.test/b}
                - webhook: {url: https://hooks.example.test/c}
            """);

    assertThat(cli.run("validate", "-c", cli.configFile().toString())).isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err)
        .contains("notify.channels[0].webhook.template")
        .contains("does not parse")
        .contains("notify.channels[2]")
        .contains("another channel is named 'webhook'");
  }

  @Test
  void aRoutingKeyWhoseVariableIsUnsetIsOneProblem() throws Exception {
    CliRun cli =
        project(
            """
            notify:
              channels:
                - pagerduty: {routingKey: "${PD_UNSET_KEY}"}
            """);

    assertThat(cli.run("validate", "-c", cli.configFile().toString())).isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err)
        .contains("notify.channels[0].pagerduty.routingKey: environment variable PD_UNSET_KEY")
        .doesNotContain("expected the routing key");
  }

  @Test
  void validateNamesABrokenTemplateFileAtItsKey() throws Exception {
    CliRun cli =
        project(
            """
            notify:
              channels:
                - webhook:
                    url: https://hooks.example.test/a
                    templateFile: ops.mustache
            """);
    Files.writeString(
        cli.configFile().resolveSibling("ops.mustache"), "{\"text\": \"{{#checks}}\"}");

    assertThat(cli.run("validate", "-c", cli.configFile().toString())).isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err)
        .contains("notify.channels[0].webhook.templateFile: the template ")
        .contains("ops.mustache does not parse: Section missing close tag 'checks'");
  }

  @Test
  void readinessGoesToSlackAndTheWebhookButNotToPagerDuty() throws Exception {
    CliRun cli =
        project(
            """
            notify:
              channels:
                - slack: {webhookUrl: "${SLACK_WEBHOOK_URL}"}
                - webhook: {url: "${HOOK_URL}", secret: "${HOOK_SECRET}"}
                - pagerduty: {routingKey: "${PD_ROUTING_KEY}", apiUrl: "${PD_URL}"}
            """);

    int code =
        cli.run("readiness", "-c", cli.configFile().toString(), "--quality", "70", "--notify");

    assertThat(code).as(cli.err).isEqualTo(ExitCodes.FAILED);
    assertThat(SlackWebhook.posts(slack)).hasSize(1);
    List<LoggedRequest> hooks = posts(hook, "/hook");
    assertThat(hooks).hasSize(1);
    JsonNode body = JSON.readTree(hooks.get(0).getBodyAsString());
    assertThat(body.get("kind").asText()).isEqualTo("readiness");
    assertThat(body.get("project").asText()).isEqualTo("shop");
    assertThat(body.at("/readiness/ready").asBoolean()).isFalse();
    assertThat(body.at("/readiness/threshold").asDouble()).isEqualTo(90.0);
    assertThat(body.at("/readiness/reasons/0").asText()).contains("below the threshold");
    assertThat(hooks.get(0).getHeader("X-Stagewatch-Signature"))
        .isEqualTo("sha256=" + hmacSha256(HOOK_SECRET, hooks.get(0).getBody()));
    assertThat(events()).isEmpty();
    assertThat(cli.err).doesNotContain("not delivered");
  }

  static String hmacSha256(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
