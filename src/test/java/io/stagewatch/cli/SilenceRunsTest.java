package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.stagewatch.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silences through the real entry point: {@code silence add/list/end}, and runs of a failing target
 * with a real SQLite store and a Slack stand-in, the clock moved past a silence's end.
 */
class SilenceRunsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final TestClock clock = new TestClock();

  @BeforeEach
  void slackAnswers() {
    slack.resetAll();
    SlackWebhook.answers(slack, 200, "ok");
  }

  CliRun project() throws IOException {
    return project("");
  }

  CliRun project(String extraConfig) throws IOException {
    return new CliRun(dir)
        .clock(clock)
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
            notify:
              slack:
                webhookUrl: ${SLACK_WEBHOOK_URL}
                reminderInterval: 1h
            """
                    .formatted(dir.resolve("store/stagewatch.db"))
                + extraConfig)
        .suite(
            "health.yaml",
            """
            name: health
            tags: [smoke]
            checks:
              - name: up
                http: {path: /health}
                expect: {status: 200}
            """)
        .suite(
            "db.yaml",
            """
            name: db
            tags: [db]
            checks:
              - name: migrations
                http: {path: /migrations}
                expect: {status: 200}
            """)
        .env("STAGING_URL", staging.baseUrl())
        .env("SLACK_WEBHOOK_URL", SlackWebhook.url(slack));
  }

  void targetAnswers(int health, int migrations) {
    staging.resetAll();
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(health)));
    staging.stubFor(get("/migrations").willReturn(aResponse().withStatus(migrations)));
  }

  /** The Slack messages posted since the last call. */
  List<String> messages() {
    List<String> sent = new ArrayList<>();
    for (LoggedRequest r : SlackWebhook.posts(slack)) {
      sent.add(r.getBodyAsString());
    }
    slack.resetRequests();
    return sent;
  }

  String silence(CliRun cli, String... args) {
    List<String> all = new ArrayList<>(List.of("silence"));
    all.add(args[0]);
    all.add("-c");
    all.add(cli.configFile().toString());
    all.addAll(List.of(args).subList(1, args.length));
    int code = cli.run(all.toArray(String[]::new));
    assertThat(code).as(cli.out + cli.err).isZero();
    return cli.out.strip();
  }

  JsonNode check(CliRun cli, String id) throws IOException {
    for (JsonNode check : JSON.readTree(cli.report("result.json")).get("checks")) {
      if (check.get("id").asText().equals(id)) {
        return check;
      }
    }
    throw new AssertionError("no check " + id + " in result.json");
  }

  @Test
  void aSilenceIsAddedListedAndEndedEarly() throws Exception {
    CliRun cli = project();
    String id = silence(cli, "add", "--for", "2h", "-t", "db", "--reason", "deploy 1.4.2");
    assertThat(id).matches("[0-9a-f]{8}");
    assertThat(cli.err).contains("Silenced -t db of staging until 2026-11-23 12:00 UTC");

    String list = silence(cli, "list");
    assertThat(list)
        .contains("ID", "ENVIRONMENT", "SELECTION", "FROM", "UNTIL", "REASON", "STATE")
        .containsPattern(
            id + " +staging +-t db +2026-11-23 10:00 +2026-11-23 12:00 +deploy 1.4.2 +active");

    clock.advance(Duration.ofMinutes(30));
    assertThat(silence(cli, "end", id)).isEqualTo("Ended silence " + id + ".");
    assertThat(silence(cli, "list"))
        .containsPattern(id + " .* 2026-11-23 10:30 +deploy 1.4.2 +ended");
    assertThat(silence(cli, "end", id)).isEqualTo("Silence " + id + " was over already.");

    assertThat(cli.run("silence", "end", "-c", cli.configFile().toString(), "nosuchid"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("no silence has the id 'nosuchid'");
  }

  @Test
  void aSilencedFailingCheckSendsNothingButReportsSayItIsSilencedAndItAlertsOnceTheSilenceEnds()
      throws Exception {
    CliRun cli = project();
    targetAnswers(200, 200);
    assertThat(cli.runChecks()).isZero();
    silence(cli, "add", "--for", "1h", "-s", "db", "--reason", "database migration");

    targetAnswers(200, 503);
    assertThat(cli.runChecks()).as("the exit code is about the checks").isEqualTo(1);
    assertThat(messages()).as("no alert while silenced").isEmpty();
    JsonNode db = check(cli, "db/migrations");
    assertThat(db.get("status").asText()).isEqualTo("FAILED");
    assertThat(db.get("silenced").asBoolean()).isTrue();
    assertThat(db.get("silenceReason").asText()).isEqualTo("database migration");
    assertThat(check(cli, "health/up").get("silenced").asBoolean()).isFalse();
    assertThat(check(cli, "health/up").get("silenceReason").isNull()).isTrue();
    assertThat(cli.out).contains("db/migrations").contains("[silenced: database migration]");
    assertThat(cli.report("summary.md"))
        .contains("## Silenced (no notifications sent)")
        .contains("| db/migrations | FAILED | database migration |");
    assertThat(cli.report("metrics.prom"))
        .contains(
            "stagewatch_check_silenced{check=\"migrations\",environment=\"staging\","
                + "schedule=\"adhoc\",suite=\"db\"} 1.0")
        .contains(
            "stagewatch_check_silenced{check=\"up\",environment=\"staging\","
                + "schedule=\"adhoc\",suite=\"health\"} 0.0");
    assertThat(cli.report("report.html")).contains("silenced: database migration");

    clock.advance(Duration.ofMinutes(30));
    assertThat(cli.runChecks()).isEqualTo(1);
    assertThat(messages()).as("still silenced: no alert, no reminder").isEmpty();

    clock.advance(Duration.ofMinutes(31));
    assertThat(cli.runChecks()).isEqualTo(1);
    assertThat(check(cli, "db/migrations").get("silenced").asBoolean()).isFalse();
    assertThat(messages())
        .as("the silence is over and the check still fails: its alert goes out")
        .singleElement()
        .satisfies(m -> assertThat(m).contains("db/migrations").contains("failing"));
  }

  @Test
  void aCheckThatFailedAndRecoveredInsideTheSilenceSendsNothing() throws Exception {
    CliRun cli = project();
    silence(cli, "add", "--for", "1h", "--reason", "deploy");
    targetAnswers(500, 200);
    assertThat(cli.runChecks()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(10));
    targetAnswers(200, 200);
    assertThat(cli.runChecks()).isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(cli.runChecks()).isZero();
    assertThat(messages()).as("no alert, no recovery").isEmpty();
  }

  @Test
  void anAlertingCheckGetsNoReminderOrRecoveryWhileSilencedAndAChecksOutsideTheSelectionStillAlert()
      throws Exception {
    CliRun cli = project();
    targetAnswers(500, 200);
    assertThat(cli.runChecks()).isEqualTo(1);
    assertThat(messages()).hasSize(1);

    silence(cli, "add", "--for", "3h", "-t", "smoke", "--reason", "known outage");
    clock.advance(Duration.ofHours(2));
    targetAnswers(500, 500);
    assertThat(cli.runChecks()).isEqualTo(1);
    assertThat(messages())
        .as("the reminder of health/up is held back; db/migrations is not silenced")
        .singleElement()
        .satisfies(m -> assertThat(m).contains("db/migrations").doesNotContain("health/up"));

    targetAnswers(200, 500);
    assertThat(cli.runChecks()).isEqualTo(1);
    assertThat(messages()).as("no recovery while silenced").isEmpty();
  }

  @Test
  void aMaintenanceWindowSilencesByDayTimeAndZone() throws Exception {
    // The clock starts on Monday 2026-11-23 at 10:00 UTC, 11:00 in Berlin.
    CliRun cli =
        project(
            """
            maintenance:
              - environment: staging
                tags: db
                days: [mon, tue]
                start: "10:30"
                duration: 1h
                timeZone: Europe/Berlin
              - tags: smoke
                days: [mon]
                start: "10:30"
                duration: 1h
            """);
    targetAnswers(500, 500);
    assertThat(cli.runChecks()).isEqualTo(1);
    assertThat(check(cli, "db/migrations").get("silenceReason").asText())
        .isEqualTo("maintenance window mon, tue 10:30 for 1h (Europe/Berlin)");
    assertThat(check(cli, "health/up").get("silenced").asBoolean())
        .as("the UTC window opens at 10:30 UTC, later")
        .isFalse();
    assertThat(messages())
        .singleElement()
        .satisfies(m -> assertThat(m).contains("health/up").doesNotContain("db/migrations"));

    clock.advance(Duration.ofMinutes(45));
    assertThat(cli.runChecks()).isEqualTo(1);
    assertThat(check(cli, "health/up").get("silenceReason").asText())
        .isEqualTo("maintenance window mon 10:30 for 1h (UTC)");
    assertThat(check(cli, "db/migrations").get("silenced").asBoolean())
        .as("the Berlin window closed at 09:30 UTC")
        .isFalse();
    assertThat(messages())
        .as("db/migrations alerts now; health/up's reminder is not due anyway")
        .singleElement()
        .satisfies(m -> assertThat(m).contains("db/migrations"));
  }
}
