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
import io.stagewatch.TestClock;
import io.stagewatch.store.StoreDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code run} with Slack notifications through the real entry point: a staging target that breaks
 * and recovers, and a Slack stand-in that is down for a while in between.
 */
class SlackRunsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final List<String> printed = new ArrayList<>();

  @BeforeEach
  void slackAnswers() {
    slackAnswers(200, "ok");
  }

  CliRun project() throws IOException {
    return project("1h", "jdbc:sqlite:" + dir.resolve("store/stagewatch.db"));
  }

  CliRun project(String reminderInterval) throws IOException {
    return project(reminderInterval, "jdbc:sqlite:" + dir.resolve("store/stagewatch.db"));
  }

  CliRun project(String reminderInterval, String storeUrl) throws IOException {
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
              url: "%s"
            notify:
              slack:
                webhookUrl: ${SLACK_WEBHOOK_URL}
                reminderInterval: %s
                reportUrl: https://ci.example.test/stagewatch/latest
            """
                .formatted(storeUrl, reminderInterval))
        .suite(
            "health.yaml",
            """
            name: health
            checks:
              - name: up
                http: {path: /health}
                expect: {status: 200}
              - name: home
                http: {path: /}
                expect: {status: 200}
            """)
        .env("STAGING_URL", staging.baseUrl())
        .env("SLACK_WEBHOOK_URL", SlackWebhook.url(slack));
  }

  void healthAnswers(int status) {
    staging.resetAll();
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(status)));
    staging.stubFor(get("/").willReturn(aResponse().withStatus(200)));
  }

  void slackAnswers(int status, String body) {
    slack.resetAll();
    SlackWebhook.answers(slack, status, body);
  }

  List<JsonNode> messages() throws IOException {
    List<JsonNode> sent = new ArrayList<>();
    for (LoggedRequest r : SlackWebhook.posts(slack)) {
      sent.add(JSON.readTree(r.getBodyAsString()));
    }
    return sent;
  }

  int run(CliRun cli, int status) throws IOException {
    healthAnswers(status);
    int code = cli.runChecks("-s", "health", "--trigger", "cron", "--label", "b1");
    printed.add(cli.out + cli.err + cli.report("result.json") + cli.report("summary.md"));
    return code;
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aBreakAndRecoveryAreAnnouncedOnceEachAndNoneIsLostWhileSlackIsDown(StoreDatabase db)
      throws Exception {
    CliRun cli = project("1h", db.freshUrl(dir));

    assertThat(run(cli, 200)).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(messages()).isEmpty();

    assertThat(run(cli, 500)).as(cli.err).isEqualTo(ExitCodes.FAILED);
    List<JsonNode> alert = messages();
    assertThat(alert).hasSize(1);
    assertThat(alert.get(0).get("text").asText())
        .startsWith("🔴 shop staging: 1 check of 2 failing")
        .contains("health/up");
    assertThat(alert.get(0).toString())
        .contains("expected status 200, got 500")
        .contains("<https://ci.example.test/stagewatch/latest|Report>");
    assertThat(cli.out).contains("slack: alert about 1 check sent.");
    JsonNode notes = JSON.readTree(cli.report("result.json")).get("notifications");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).get("kind").asText()).isEqualTo("alert");
    assertThat(notes.get(0).get("status").asText()).isEqualTo("sent");
    assertThat(notes.get(0).get("checks").get(0).asText()).isEqualTo("health/up");

    slackAnswers(200, "ok");
    assertThat(run(cli, 500)).isEqualTo(ExitCodes.FAILED);
    assertThat(messages()).as("a check that keeps failing is not announced again").isEmpty();

    slackAnswers(500, "rollup_error");
    assertThat(run(cli, 200)).as("Slack trouble does not change the exit code").isZero();
    assertThat(cli.err).contains("not delivered yet, the next run retries it", "HTTP 500");
    notes = JSON.readTree(cli.report("result.json")).get("notifications");
    assertThat(notes.get(0).get("status").asText()).isEqualTo("pending");
    assertThat(notes.get(0).get("error").asText()).contains("rollup_error");

    slackAnswers(200, "ok");
    assertThat(run(cli, 200)).isZero();
    List<JsonNode> recovery = messages();
    assertThat(recovery).hasSize(1);
    assertThat(recovery.get(0).get("text").asText())
        .startsWith("🟢 shop staging: 1 check recovered")
        .contains("health/up");

    slackAnswers(200, "ok");
    assertThat(run(cli, 200)).isZero();
    assertThat(messages()).as("a delivered notice is never sent twice").isEmpty();

    assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain("hooksecret"));
  }

  @Test
  void aCheckThatKeepsFailingIsRemindedOnceTheIntervalHasPassed() throws Exception {
    TestClock clock = new TestClock();
    CliRun cli = project("24h").clock(clock);
    assertThat(run(cli, 500)).isEqualTo(ExitCodes.FAILED);
    assertThat(messages()).hasSize(1);

    slackAnswers(200, "ok");
    clock.advance(Duration.ofHours(23));
    assertThat(run(cli, 500)).isEqualTo(ExitCodes.FAILED);
    assertThat(messages()).as("no reminder within the interval").isEmpty();

    clock.advance(Duration.ofHours(1));
    assertThat(run(cli, 500)).isEqualTo(ExitCodes.FAILED);

    assertThat(messages())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.get("text").asText())
                    .startsWith("🟠 shop staging: 1 check still failing: health/up"));
    JsonNode note = JSON.readTree(cli.report("result.json")).get("notifications").get(0);
    assertThat(note.get("kind").asText()).isEqualTo("reminder");
  }

  @Test
  void noNotifyRecordsTheRunButLeavesAlertingToTheNextRun() throws Exception {
    CliRun cli = project();
    healthAnswers(500);
    assertThat(cli.runChecks("-s", "health", "--no-notify")).isEqualTo(ExitCodes.FAILED);
    assertThat(messages()).isEmpty();
    assertThat(JSON.readTree(cli.report("result.json")).get("notifications")).isEmpty();

    assertThat(run(cli, 500)).isEqualTo(ExitCodes.FAILED);
    assertThat(messages()).hasSize(1);
  }

  @Test
  void withoutAStoreEachFailingRunAlertsOnItsOwn() throws Exception {
    CliRun cli = project();
    healthAnswers(500);
    assertThat(cli.runChecks("-s", "health", "--no-store")).isEqualTo(ExitCodes.FAILED);
    assertThat(cli.runChecks("-s", "health", "--no-store")).isEqualTo(ExitCodes.FAILED);
    assertThat(messages()).hasSize(2);
    assertThat(Files.exists(dir.resolve("store/stagewatch.db"))).isFalse();
    assertThat(Stream.of(cli.out, cli.err))
        .allSatisfy(t -> assertThat(t).doesNotContain("hooksecret"));
  }

  CliRun botProject() throws IOException {
    return new CliRun(dir)
        .config(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
            defaults:
              retry: {attempts: 1}
            store:
              url: "jdbc:sqlite:%s"
            notify:
              slack:
                token: ${SLACK_BOT_TOKEN}
                channel: "#staging-alerts"
                apiBaseUrl: ${SLACK_API}
            """
                .formatted(dir.resolve("store/stagewatch.db")))
        .suite("health.yaml", CliRun.ONE_HEALTH_CHECK)
        .env("STAGING_URL", staging.baseUrl())
        .env("SLACK_BOT_TOKEN", "xoxb-77-tokensecret")
        .env("SLACK_API", slack.baseUrl() + "/api/");
  }

  @Test
  void aBotTokenThatSlackRefusesIsReportedOnceAndNotRetriedByLaterRuns() throws Exception {
    slack.resetAll();
    slack.stubFor(
        post(urlPathEqualTo("/api/chat.postMessage"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":false,\"error\":\"invalid_auth\"}")));
    CliRun cli = botProject();

    assertThat(run(cli, 500)).isEqualTo(ExitCodes.FAILED);
    assertThat(cli.err)
        .contains("alert about 1 check could not be delivered")
        .contains("invalid_auth");
    JsonNode note = JSON.readTree(cli.report("result.json")).get("notifications").get(0);
    assertThat(note.get("status").asText()).isEqualTo("failed");
    assertThat(note.get("error").asText())
        .isEqualTo("Slack refused chat.postMessage: invalid_auth");
    List<LoggedRequest> posts =
        slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    assertThat(posts)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getBodyAsString()).contains("channel=%23staging-alerts");
              assertThat(r.getHeader("Authorization")).isEqualTo("Bearer xoxb-77-tokensecret");
            });

    assertThat(run(cli, 500)).isEqualTo(ExitCodes.FAILED);
    assertThat(run(cli, 500)).isEqualTo(ExitCodes.FAILED);
    assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))))
        .as("a refused notice is not sent again")
        .hasSize(1);
    assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain("tokensecret"));
  }
}
