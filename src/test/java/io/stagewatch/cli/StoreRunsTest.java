package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.stagewatch.TestClock;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.store.LockHolder;
import io.stagewatch.store.RunLock;
import io.stagewatch.store.StoreDatabase;
import io.stagewatch.store.jdbc.JdbcResultStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code run} and {@code history} with a store, through the real entry point, on both databases.
 */
class StoreRunsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  CliRun project(String storeUrl) throws IOException {
    return new CliRun(dir)
        .config(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
            defaults:
              timeout: 3s
              retry: {attempts: 2, delay: 20ms}
            store:
              url: "%s"
            """
                .formatted(storeUrl))
        .suite("health.yaml", CliRun.ONE_HEALTH_CHECK)
        .env("STAGING_URL", staging.baseUrl());
  }

  void healthAnswers(int status) {
    staging.resetAll();
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(status)));
  }

  void healthFailsOnceThenPasses() {
    staging.resetAll();
    staging.stubFor(
        get("/health")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    staging.stubFor(
        get("/health").inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson("{}")));
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void tenRunsWithKnownOutcomesGiveTheRightHistory(StoreDatabase db) throws Exception {
    CliRun cli = project(db.freshUrl(dir));
    for (int run = 1; run <= 10; run++) {
      if (run == 3 || run == 7) {
        healthAnswers(500);
      } else if (run == 5) {
        healthFailsOnceThenPasses();
      } else {
        healthAnswers(200);
      }
      int expected = run == 3 || run == 7 ? ExitCodes.FAILED : ExitCodes.PASSED;
      assertThat(cli.runChecks("-s", "health", "--label", "b" + run))
          .as(cli.out + cli.err)
          .isEqualTo(expected);
    }
    String summary = cli.report("summary.md");

    assertThat(cli.run("history", "-c", cli.dir.resolve("config/stagewatch.yaml").toString()))
        .isZero();
    String table = cli.out;
    assertThat(cli.run("history", "--json", "-c", cli.dir + "/config/stagewatch.yaml")).isZero();
    JsonNode history = JSON.readTree(cli.out);

    JsonNode runs = history.get("runs");
    assertThat(runs).hasSize(10);
    assertThat(runs.get(0).get("label").asText()).isEqualTo("b10");
    assertThat(runs.get(3).get("status").asText()).isEqualTo("fail");
    assertThat(runs.get(7).get("status").asText()).isEqualTo("fail");
    assertThat(runs.get(5).get("counts").get("flaky").asInt()).isEqualTo(1);
    assertThat(runs.get(0).get("runId").asText())
        .isEqualTo(JSON.readTree(cli.report("result.json")).get("runId").asText());
    JsonNode check = history.get("checks").get(0);
    assertThat(history.get("checks")).hasSize(1);
    assertThat(check.get("id").asText()).isEqualTo("health/up");
    assertThat(check.get("passRate").asDouble()).isEqualTo(0.8);
    assertThat(check.get("flaky").asInt()).isEqualTo(1);
    assertThat(check.get("lastFailure").asText()).contains("500");
    assertThat(check.get("p95Ms").asLong()).isGreaterThanOrEqualTo(check.get("p50Ms").asLong());

    assertThat(table).contains("Last 10 runs of staging").contains("b10").contains("FAILED");
    assertThat(table).containsPattern("health/up +8/10 +80% +1 ");
    assertThat(summary).contains("## Last 10 runs").contains("- Runs passed: 8/10 finished runs");
    assertThat(summary).contains("### Flaky in these runs").contains("| health/up | 1 | 8/10 |");

    JsonNode signal = JSON.readTree(cli.report("signal.json"));
    assertThat(signal.get("status").asText()).isEqualTo("pass");
    assertThat(signal.get("window").asInt()).isEqualTo(10);
    assertThat(signal.get("runsPassed").asInt()).isEqualTo(8);
    assertThat(signal.get("passRate").asDouble()).isEqualTo(0.8);
    assertThat(signal.get("runId").asText()).isEqualTo(runs.get(0).get("runId").asText());
    assertThat(cli.report("metrics.prom"))
        .contains("stagewatch_run_up{environment=\"staging\",schedule=\"adhoc\"} 1.0")
        .contains(
            "stagewatch_check_up{check=\"up\",environment=\"staging\",schedule=\"adhoc\","
                + "suite=\"health\"} 1.0");

    // report.html: the check's bars over the stored runs, oldest first, and the staging verdict.
    String page = cli.report("report.html");
    // Each bar's title says when its run recorded the check, relative to the report.
    String bar = "<span class=\"bar %s\" title=\"%s, (moments|\\d+ s) before this report\"></span>";
    assertThat(page)
        .containsPattern(
            "<td>health/up</td><td class=\"state-passed\">PASSED</td><td>80%</td>"
                + "<td class=\"bars\">"
                + String.format(bar, "passed", "PASSED").repeat(2)
                + String.format(bar, "failed", "FAILED")
                + String.format(bar, "passed", "PASSED")
                + String.format(bar, "flaky", "FLAKY")
                + String.format(bar, "passed", "PASSED"))
        .contains("<b class=\"verdict\">NOT READY</b>, staging pass rate 80% (8/10 runs")
        .contains("<li>not ready: score 80 is below the threshold 90</li>");
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aSecondRunOfTheSameEnvironmentExitsFourAndNamesTheHolder(StoreDatabase db) throws Exception {
    // The first run takes a while: it fails and waits between its attempts.
    healthAnswers(500);
    TestClock clock = new TestClock();
    CliRun first = project(db.freshUrl(dir)).clock(clock);
    String config = Files.readString(dir.resolve("config/stagewatch.yaml"));
    first.config(config.replace("delay: 20ms", "delay: 700ms"));
    CliRun second = new CliRun(dir).env("STAGING_URL", staging.baseUrl()).clock(clock);
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(() -> first.runChecks("-s", "health"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !staging.getAllServeEvents().isEmpty() || running.isDone());

    assertThat(second.runChecks("-s", "health"))
        .as(second.out + second.err)
        .isEqualTo(ExitCodes.LOCKED);
    assertThat(second.err)
        .contains("another run of staging holds the run lock")
        .contains("pid " + ProcessHandle.current().pid())
        .contains("since " + TestClock.START)
        .contains("--wait-lock");
    assertThat(running.get()).as(first.out + first.err).isEqualTo(ExitCodes.FAILED);

    assertThat(first.run("history", "--json", "-c", dir + "/config/stagewatch.yaml")).isZero();
    JsonNode history = JSON.readTree(first.out);
    assertThat(history.get("runs")).hasSize(1);
    assertThat(history.get("runs").get(0).get("counts").get("total").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aRunThatWasKilledIsMarkedAbortedByTheNextRun(StoreDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    CliRun cli = project(url);
    try (JdbcResultStore store = JdbcResultStore.open(url, dir, Clock.systemUTC())) {
      RunInfo killed = new RunInfo("killed-run", null, "staging", "cron", null, Instant.now());
      store.runStarted(killed, "test");
      store.checkFinished(
          "killed-run",
          new CheckResult(
              "health/up", "health", "up", List.of(), CheckStatus.PASSED, 1, 12, null, List.of()));
    }
    healthAnswers(200);

    assertThat(cli.runChecks("-s", "health")).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(cli.run("history", "--json", "-c", dir + "/config/stagewatch.yaml")).isZero();
    JsonNode killed = JSON.readTree(cli.out).get("runs").get(1);
    assertThat(killed.get("runId").asText()).isEqualTo("killed-run");
    assertThat(killed.get("status").asText()).isEqualTo("aborted");
    assertThat(killed.get("counts").get("passed").asInt()).isEqualTo(1);
  }

  @Test
  void aStoreThatCannotBeWrittenExitsThreeAfterWritingTheReports() throws Exception {
    Files.writeString(dir.resolve("blocker"), "a file where the store's folder should be");
    CliRun cli = project("jdbc:sqlite:" + dir.resolve("blocker/store/stagewatch.db"));
    healthAnswers(200);

    assertThat(cli.runChecks("-s", "health")).as(cli.out + cli.err).isEqualTo(ExitCodes.INTERNAL);

    assertThat(cli.out).contains("PASS").contains("health/up");
    assertThat(cli.err).contains("the run was not recorded").contains("blocker");
    assertThat(cli.reportDir().resolve("summary.md")).exists();
    assertThat(cli.report("result.json")).contains("\"PASSED\"");
  }

  @Test
  void anUnreachableDatabaseExitsThreeWithoutShowingThePassword() throws Exception {
    CliRun cli = project("jdbc:postgresql://127.0.0.1:9/runs?user=sw&password=hunter2-secret");
    healthAnswers(200);

    assertThat(cli.runChecks("-s", "health")).as(cli.out + cli.err).isEqualTo(ExitCodes.INTERNAL);

    assertThat(cli.err).contains("the run was not recorded").doesNotContain("hunter2-secret");
    assertThat(cli.out).doesNotContain("hunter2-secret");
    assertThat(cli.report("result.json")).doesNotContain("hunter2-secret");
  }

  @Test
  void noStoreRecordsNothing() throws Exception {
    CliRun cli = project("jdbc:sqlite:.stagewatch/stagewatch.db");
    healthAnswers(200);

    assertThat(cli.runChecks("-s", "health", "--no-store"))
        .as(cli.out + cli.err)
        .isEqualTo(ExitCodes.PASSED);

    assertThat(dir.resolve(".stagewatch")).doesNotExist();
  }

  @Test
  void aRelativeSqliteStoreLivesInTheProjectFolder() throws Exception {
    CliRun cli = project("jdbc:sqlite:.stagewatch/stagewatch.db");
    healthAnswers(200);

    assertThat(cli.runChecks("-s", "health")).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(dir.resolve(".stagewatch/stagewatch.db")).exists();
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void runsAreRecordedAtTheClocksTimesAndRetentionCountsBackFromIt(StoreDatabase db)
      throws Exception {
    TestClock clock = new TestClock();
    CliRun cli = project(db.freshUrl(dir)).clock(clock);
    String config = dir.resolve("config/stagewatch.yaml").toString();
    healthAnswers(500);
    assertThat(cli.runChecks("-s", "health", "--label", "old")).isEqualTo(ExitCodes.FAILED);
    JsonNode result = JSON.readTree(cli.report("result.json"));
    assertThat(result.get("startedAt").asText()).isEqualTo(TestClock.START.toString());
    assertThat(result.get("finishedAt").asText()).isEqualTo(TestClock.START.toString());
    // A run id is a version 7 UUID: its first 48 bits are the start's milliseconds.
    String runId = result.get("runId").asText();
    assertThat(Long.parseLong(runId.replace("-", "").substring(0, 12), 16))
        .isEqualTo(TestClock.START.toEpochMilli());

    clock.advance(Duration.ofDays(13));
    healthAnswers(200);
    assertThat(cli.runChecks("-s", "health", "--label", "recent")).isZero();
    assertThat(cli.run("history", "--json", "-c", config)).isZero();
    JsonNode history = JSON.readTree(cli.out);
    assertThat(history.get("runs"))
        .extracting(r -> r.get("label").asText())
        .containsExactly("recent", "old");
    assertThat(history.at("/runs/0/startedAt").asText())
        .isEqualTo(TestClock.START.plus(Duration.ofDays(13)).toString());
    assertThat(history.at("/checks/0/lastFailureAt").asText())
        .isEqualTo(TestClock.START.toString());

    // The default retention is 14 days: a day later the first run is older than that.
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    assertThat(cli.runChecks("-s", "health", "--label", "latest")).isZero();
    assertThat(cli.run("history", "--json", "-c", config)).isZero();
    assertThat(JSON.readTree(cli.out).get("runs"))
        .extracting(r -> r.get("label").asText())
        .containsExactly("latest", "recent");
  }

  @Test
  void aRunWaitingForTheLockGivesUpOnceTheClockHasPassedItsWait() throws Exception {
    TestClock clock = new TestClock();
    String url = "jdbc:sqlite:" + dir.resolve("store/stagewatch.db");
    CliRun cli = project(url).clock(clock);
    healthAnswers(200);
    try (JdbcResultStore store = JdbcResultStore.open(url, dir, Clock.systemUTC())) {
      RunLock held =
          store
              .tryLock("staging", new LockHolder("deploy-box", 4711, null, TestClock.START))
              .orElseThrow();
      CompletableFuture<Integer> waiting =
          CompletableFuture.supplyAsync(() -> cli.runChecks("-s", "health", "--wait-lock", "5m"));
      // The wait ends when the clock says so, however little real time has passed.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                clock.advance(Duration.ofMinutes(1));
                return waiting.isDone();
              });

      assertThat(waiting.get()).as(cli.out + cli.err).isEqualTo(ExitCodes.LOCKED);
      assertThat(cli.err)
          .contains("another run of staging holds the run lock")
          .contains("deploy-box (pid 4711), since " + TestClock.START);
      assertThat(staging.getAllServeEvents()).as("nothing was run").isEmpty();
      held.close();
    }
  }
}
