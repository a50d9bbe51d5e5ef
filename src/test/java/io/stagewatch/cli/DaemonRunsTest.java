package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.TestClock;
import io.stagewatch.app.ScheduledRuns;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.SlotRecord;
import io.stagewatch.schedule.StatusEndpoints;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A daemon with {@code every: 1s} against a WireMock staging, on a SQLite store. */
class DaemonRunsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  DaemonProject project;
  final List<AutoCloseable> started = new ArrayList<>();
  final List<Daemon> daemons = new ArrayList<>();

  @BeforeEach
  void project() {
    project = new DaemonProject(dir, staging.baseUrl());
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (Daemon d : daemons) {
      d.stop(Duration.ofSeconds(5));
    }
    for (AutoCloseable c : started) {
      c.close();
    }
  }

  Daemon daemon(String storeUrl) throws Exception {
    Workspace workspace = project.store(storeUrl).load();
    Daemon daemon = project.daemon(workspace, DaemonProject.silent(), Duration.ofSeconds(5));
    daemons.add(daemon);
    return daemon;
  }

  StatusEndpoints endpoints(Daemon daemon) throws Exception {
    StatusEndpoints endpoints = project.endpoints(project.workspace(), daemon);
    started.add(endpoints);
    return endpoints;
  }

  static void healthAnswers(int status, int delayMs) {
    staging.resetAll();
    staging.stubFor(
        get("/health").willReturn(aResponse().withStatus(status).withFixedDelay(delayMs)));
  }

  @Test
  void slotsRunOnTimeOneAfterAnotherAndAreRecorded() throws Exception {
    TestClock clock = new TestClock();
    project.clock(clock);
    healthAnswers(200, 0);
    Daemon daemon = daemon(project.sqlite());
    daemon.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> daemon.records().size() == 1);
    clock.advance(Duration.ofSeconds(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> daemon.records().size() == 2);
    clock.advance(Duration.ofSeconds(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> daemon.records().size() == 3);
    daemon.stop(Duration.ofSeconds(5));

    List<SlotRecord> records = daemon.records();
    assertThat(records).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(SlotOutcome.PASSED));
    // The first is the slot the start caught up with; each starts at its time by the clock.
    assertThat(records)
        .extracting(SlotRecord::slot)
        .containsExactly(
            TestClock.START, TestClock.START.plusSeconds(1), TestClock.START.plusSeconds(2));
    assertThat(records).allSatisfy(r -> assertThat(r.started()).isEqualTo(r.slot()));
    assertNoOverlap(records);
    try (JdbcResultStore store = JdbcResultStore.open(project.sqlite(), dir, clock)) {
      List<StoredRun> runs = store.lastRuns("staging", 50);
      assertThat(runs).hasSize(records.size());
      assertThat(runs).allSatisfy(r -> assertThat(r.trigger()).isEqualTo("schedule"));
      assertThat(runs.get(0).startedAt()).isEqualTo(TestClock.START.plusSeconds(2));
    }
  }

  @Test
  void aSlowRunPushesTheNextSlotInsteadOfOverlapping() throws Exception {
    TestClock clock = new TestClock();
    project.clock(clock);
    healthAnswers(200, 0);
    Workspace workspace = project.store(project.sqlite()).load();
    ScheduledRuns slots = project.slots(workspace, DaemonProject.silent(), Duration.ofSeconds(5));
    CountDownLatch firstRunEnds = new CountDownLatch(1);
    Daemon daemon =
        project.daemon(
            workspace,
            (schedule, slot) -> {
              SlotOutcome outcome = slots.run(schedule, slot);
              firstRunEnds.await();
              return outcome;
            });
    daemons.add(daemon);
    daemon.start();
    // The first run takes 2.5 s by the clock, longer than the interval: two slots fall due.
    await().atMost(Duration.ofSeconds(10)).until(daemon::running);
    clock.advance(Duration.ofMillis(2500));
    firstRunEnds.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> daemon.records().size() == 2);
    daemon.stop(Duration.ofSeconds(5));

    List<SlotRecord> records = daemon.records();
    assertNoOverlap(records);
    SlotRecord slow = records.get(0);
    assertThat(slow.finished()).isEqualTo(TestClock.START.plusMillis(2500));
    // The latest slot that fell due during the run starts as soon as it ends (pushed, not beside
    // it); the stale one before it never runs.
    SlotRecord pushed = records.get(1);
    assertThat(pushed.slot()).isEqualTo(TestClock.START.plusSeconds(2));
    assertThat(pushed.started()).isEqualTo(slow.finished());
  }

  @Test
  void theEndpointsShowTheStoredRunsAndARedCheckLeavesTheDaemonHealthy() throws Exception {
    healthAnswers(503, 0);
    Daemon daemon = daemon(project.sqlite());
    StatusEndpoints endpoints = endpoints(daemon);
    daemon.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> daemon.records().size() >= 2);

    assertThat(endpoints.get("/healthz").statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(endpoints.get("/api/status").body());
    assertThat(json.get("healthy").asBoolean()).isTrue();
    try (JdbcResultStore store = JdbcResultStore.open(project.sqlite(), dir, Clock.systemUTC())) {
      StoredRun last = store.lastRuns("staging", 1).get(0);
      if (last.finishedAt() != null) {
        assertThat(json.at("/series/0/lastRun/runId").asText()).isEqualTo(last.runId());
      }
    }
    assertThat(json.at("/series/0/checks/0/id").asText()).isEqualTo("health/up");
    assertThat(json.at("/series/0/checks/0/status").asText()).isEqualTo("FAILED");
    assertThat(json.at("/series/0/checks/0/lastFailure").asText()).contains("503");

    String metrics = endpoints.get("/metrics").body();
    assertThat(metrics)
        .contains(
            "stagewatch_check_up{check=\"up\",environment=\"staging\",schedule=\"default\",suite=\"health\"} 0")
        .contains("stagewatch_run_up{environment=\"staging\",schedule=\"default\"} 0")
        .contains("stagewatch_daemon_last_success_age_seconds{environment=\"staging\"}");
    // Every sample is a line of the text exposition format: name, optional labels, value.
    assertThat(metrics.lines().filter(l -> !l.startsWith("#")))
        .allMatch(l -> l.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*\\})? -?[0-9.]+(E-?[0-9]+)?"));
    assertThat(metrics).contains("# TYPE stagewatch_daemon_last_success_age_seconds gauge");

    HttpResponse<String> page = endpoints.get("/");
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("health/up").contains("class=\"bar failed\"");
    assertThat(endpoints.get("/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void anUnreachableStoreMakesTheDaemonUnhealthyButNotDead() throws Exception {
    healthAnswers(200, 0);
    // A store whose folder cannot be created: a file stands where the folder should be.
    Files.writeString(dir.resolve("blocked"), "");
    String broken = "jdbc:sqlite:" + dir.resolve("blocked/store/stagewatch.db");
    Daemon daemon = daemon(broken);
    StatusEndpoints endpoints = endpoints(daemon);
    daemon.start();
    await().atMost(Duration.ofSeconds(15)).until(() -> daemon.records().size() >= 2);

    assertThat(daemon.records())
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(SlotOutcome.NOT_RECORDED));
    // The metrics still carry the last run's checks, from memory.
    assertThat(endpoints.get("/metrics").body())
        .contains(
            "stagewatch_check_up{check=\"up\",environment=\"staging\","
                + "schedule=\"default\",suite=\"health\"} 1.0")
        .contains("stagewatch_daemon_up{environment=\"staging\"} 0");
    for (String path : List.of("/readyz", "/healthz")) {
      HttpResponse<String> ready = endpoints.get(path);
      assertThat(ready.statusCode()).as(path).isEqualTo(503);
      assertThat(ready.body()).as(path).startsWith("not ready: the store is unreachable: ");
    }
    HttpResponse<String> live = endpoints.get("/livez");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).isEqualTo("ok\n");
  }

  @Test
  void livenessFollowsTheSchedulerAlone() throws Exception {
    healthAnswers(200, 0);
    Daemon daemon = daemon(project.sqlite());
    StatusEndpoints endpoints = endpoints(daemon);

    assertThat(endpoints.get("/livez").statusCode()).as("before the start").isEqualTo(503);
    daemon.start();
    assertThat(endpoints.get("/livez").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> !daemon.records().isEmpty());
    assertThat(endpoints.get("/readyz").statusCode()).isEqualTo(200);
    daemon.stop(Duration.ofSeconds(5));

    HttpResponse<String> live = endpoints.get("/livez");
    assertThat(live.statusCode()).isEqualTo(503);
    assertThat(live.body()).isEqualTo("not alive: the scheduler has stopped\n");
  }

  @Test
  void everySeriesKeepsItsOwnMetricsAndPageSectionWhicheverRanLast() throws Exception {
    staging.resetAll();
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(503)));
    staging.stubFor(get("/db").willReturn(aResponse().withStatus(200)));
    project.cli.suite(
        "database.yaml",
        """
        name: database
        checks:
          - {name: reachable, http: {path: /db}, expect: {status: 200}}
        """);
    project.schedules(
        """
        schedules:
          - {name: smoke, suites: [health], every: 1s}
          - {name: db, suites: [database], every: 1s}
        """);
    Daemon daemon = daemon(project.sqlite());
    StatusEndpoints endpoints = endpoints(daemon);
    daemon.start();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                daemon.records().stream().filter(r -> r.schedule().equals("db")).count() >= 1
                    && daemon.records().stream().filter(r -> r.schedule().equals("smoke")).count()
                        >= 1);

    // A scrape after each of the next slots, whichever schedule it was: every scrape carries both
    // series with their own values.
    for (int i = 0; i < 6; i++) {
      int fired = daemon.records().size();
      await().atMost(Duration.ofSeconds(10)).until(() -> daemon.records().size() > fired);
      String metrics = endpoints.get("/metrics").body();
      assertThat(metrics)
          .contains("stagewatch_run_up{environment=\"staging\",schedule=\"smoke\"} 0.0")
          .contains("stagewatch_run_up{environment=\"staging\",schedule=\"db\"} 1.0")
          .contains(
              "stagewatch_check_up{check=\"reachable\",environment=\"staging\","
                  + "schedule=\"db\",suite=\"database\"} 1.0")
          .contains(
              "stagewatch_check_up{check=\"up\",environment=\"staging\","
                  + "schedule=\"smoke\",suite=\"health\"} 0.0");
      JsonNode json = JSON.readTree(endpoints.get("/api/status").body());
      assertThat(json.at("/series/0/schedule").asText()).isEqualTo("smoke");
      assertThat(json.at("/series/0/checks")).hasSize(1);
      assertThat(json.at("/series/0/checks/0/id").asText()).isEqualTo("health/up");
      assertThat(json.at("/series/1/checks/0/id").asText()).isEqualTo("database/reachable");
      assertThat(json.at("/readiness/verdict").asText()).isEqualTo("NOT READY");
    }
    String page = endpoints.get("/").body();
    assertThat(page).contains("<h2>smoke</h2>").contains("<h2>db</h2>");
  }

  static void assertNoOverlap(List<SlotRecord> records) {
    for (int i = 1; i < records.size(); i++) {
      assertThat(records.get(i).started()).isAfterOrEqualTo(records.get(i - 1).finished());
      assertThat(records.get(i).slot()).isAfter(records.get(i - 1).slot());
    }
  }
}
