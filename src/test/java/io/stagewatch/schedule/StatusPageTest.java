package io.stagewatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.stagewatch.readiness.SeriesHistory;
import io.stagewatch.readiness.StagingHistory;
import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.html.CheckState;
import io.stagewatch.report.html.StatusPage;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Counts;
import io.stagewatch.run.Series;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.StoredRunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPageTest {
  static final Instant T0 = Instant.parse("2026-11-23T14:00:00Z");
  static final Series SERIES = new Series("smoke", "-s health");

  static StoredRun run(String id, Instant at, StoredRunStatus status) {
    return new StoredRun(
        id,
        "staging",
        "shop",
        "schedule",
        "smoke " + at,
        at,
        at.plusSeconds(2),
        status,
        new Counts(
            1,
            status == StoredRunStatus.PASSED ? 1 : 0,
            0,
            status == StoredRunStatus.PASSED ? 0 : 1,
            0,
            0),
        "test",
        SERIES);
  }

  static StoredResult result(String runId, CheckStatus status, String message, Instant at) {
    return new StoredResult(runId, "health/up", status, 1, 40, message, at);
  }

  static DaemonStatus status(Instant now, Instant lastCompleted, String storeProblem) {
    List<StoredRun> runs =
        List.of(
            run("r2", T0.plusSeconds(60), StoredRunStatus.FAILED),
            run("r1", T0, StoredRunStatus.PASSED));
    List<StoredResult> results =
        List.of(
            result("r1", CheckStatus.PASSED, null, T0),
            result(
                "r2", CheckStatus.FAILED, "expected 200, got 503 <b>down</b>", T0.plusSeconds(61)));
    return new DaemonStatus(
        "staging",
        now,
        T0,
        lastCompleted,
        Duration.ofMinutes(1),
        List.of(new SeriesStatus(SERIES, runs, results, null)),
        StagingReadiness.of(
            new StagingHistory("staging", List.of(SeriesHistory.of(SERIES, runs))), 10, 90, true),
        storeProblem,
        2);
  }

  @Test
  void theChecksStateHistoryAndLastFailureComeFromTheStoredRuns() {
    CheckState check = status(T0, T0, null).series().get(0).checks().get(0);
    assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(check.history()).containsExactly(CheckStatus.PASSED, CheckStatus.FAILED);
    assertThat(check.uptime()).isEqualTo(0.5);
    assertThat(check.lastFailureAt()).isEqualTo(T0.plusSeconds(61));
  }

  @Test
  void thePageShowsAFailingCheckAsFailingWithItsReasonEscaped() {
    String html = StatusPage.render(status(T0.plusSeconds(70), T0.plusSeconds(62), null).page());
    assertThat(html)
        .contains("<meta http-equiv=\"refresh\"")
        .contains("<td class=\"state-failed\">FAILED</td>")
        // Each bar says when, as the page's other times do.
        .contains(
            "<span class=\"bar passed\" title=\"PASSED, 1 min ago\"></span>"
                + "<span class=\"bar failed\" title=\"FAILED, 10 s ago\"></span>")
        .contains("expected 200, got 503 &lt;b&gt;down&lt;/b&gt;")
        .doesNotContain("<b>down</b>")
        .contains("<svg class=\"spark\"")
        .doesNotContain("http://")
        .doesNotContain("<script");
  }

  @Test
  void thePageShowsTheStagingReadinessVerdictAndWhatItRestsOn() {
    String html = StatusPage.render(status(T0.plusSeconds(70), T0.plusSeconds(62), null).page());
    assertThat(html)
        .contains("<div id=\"readiness\" class=\"readiness not-ready\">")
        .contains("<b class=\"verdict\">NOT READY</b>")
        .contains("staging pass rate 50% (1/2 runs of staging smoke passed), threshold 90.")
        .contains("<li>not ready: score 50 is below the threshold 90</li>")
        .contains("<li>not ready: the latest staging run of staging smoke failed (r2)</li>")
        .contains("the last 10 runs of staging smoke in the store")
        .contains("CI, coverage, security and quality are not part of it");
  }

  @Test
  void aRedCheckLeavesTheDaemonHealthyButALateOrStorelessOneIsNot() {
    assertThat(status(T0.plusSeconds(70), T0.plusSeconds(62), null).healthy()).isTrue();
    assertThat(status(T0.plusSeconds(200), T0.plusSeconds(62), null).problem())
        .contains("no run completed within two schedule periods");
    assertThat(status(T0.plusSeconds(70), T0.plusSeconds(62), "connection refused").healthy())
        .isFalse();
  }

  @Test
  void theMetricsCountTheNoticesWaitingInTheOutbox() {
    assertThat(
            DaemonMetrics.render(
                status(T0.plusSeconds(70), T0.plusSeconds(62), null), new MetricSnapshots()))
        .contains("stagewatch_daemon_outbox_pending{environment=\"staging\"} 2");
  }

  @Test
  void theJsonNamesTheLastRunAndEveryCheck() {
    String json = StatusJson.render(status(T0.plusSeconds(70), T0.plusSeconds(62), null));
    assertThat(json)
        .contains("\"runId\" : \"r2\"")
        .contains("\"id\" : \"health/up\"")
        .contains("\"history\" : [ \"PASSED\", \"FAILED\" ]")
        .contains("\"verdict\" : \"NOT READY\"")
        .contains("\"passRate\" : 0.5")
        .contains("\"passedRuns\" : 1")
        .contains("\"finishedRuns\" : 2")
        .contains("\"the latest staging run of staging smoke failed (r2)\"");
  }
}
