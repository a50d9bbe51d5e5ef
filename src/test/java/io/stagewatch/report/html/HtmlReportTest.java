package io.stagewatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.readiness.StagingHistory;
import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.ReportContext;
import io.stagewatch.report.SampleRuns;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Counts;
import io.stagewatch.store.RecentRuns;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.StoredRunStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  @Test
  void everyCheckIsShownWithItsState() {
    String html = new HtmlReport().render(SampleRuns.mixed());
    assertThat(html)
        .contains("<title>stagewatch: staging</title>")
        .contains("<td>staging-health/health endpoint</td><td class=\"state-passed\">PASSED</td>")
        .contains("<td>checkout/create order</td><td class=\"state-failed\">FAILED</td>")
        .contains("<td>staging-health/login page</td><td class=\"state-flaky\">FLAKY</td>")
        .contains("<td>checkout/payment callback</td><td class=\"state-error\">ERROR</td>")
        .contains("<td>checkout/refund</td><td class=\"state-skipped\">SKIPPED</td>")
        .contains("<td>staging-health/version</td><td class=\"state-passed\">PASSED</td>")
        .contains("Last run: <b class=\"state-failed\">FAILED</b>")
        .contains("(nightly)")
        .contains("3 of 6 checks passed.");
  }

  @Test
  void aFailingChecksReasonIsEscaped() {
    String html = new HtmlReport().render(SampleRuns.mixed());
    assertThat(html)
        .contains(
            "expected body to contain &quot;&lt;ok/&gt;&quot; &amp; &#39;done&#39;\n"
                + "but was: \uFFFD&lt;html&gt;")
        .doesNotContain("<ok/>")
        .doesNotContain("\u0007")
        .contains("timed out after 5s");
  }

  @Test
  void aSingleRunShowsEachChecksDurationAndAttemptsWithoutASparkline() {
    String html = new HtmlReport().render(SampleRuns.mixed());
    assertThat(html)
        .contains("<td class=\"duration\">42 ms</td>")
        .contains("<td class=\"duration\">1.2 s, 2 attempts</td>")
        .contains("<td class=\"duration\">5.0 s, 3 attempts</td>")
        .contains("<td class=\"duration\">not run</td>")
        .doesNotContain("<svg");
  }

  @Test
  void theHeaderCountsEachStateOnceAndAMultiLineReasonOpensInFull() {
    String html = new HtmlReport().render(SampleRuns.mixed());
    assertThat(html)
        .contains("<b class=\"overall\">Failing</b>: 6 checks.")
        .contains("<li class=\"chip chip-passed\" data-state=\"passed\">2 passed</li>")
        .contains("<li class=\"chip chip-flaky\" data-state=\"flaky\">1 flaky</li>")
        .contains("<li class=\"chip chip-degraded zero\" data-state=\"degraded\">0 degraded</li>")
        .contains("<li class=\"chip chip-silenced zero\" data-state=\"silenced\">0 silenced</li>")
        .contains(
            ": expected body to contain &quot;&lt;ok/&gt;&quot; &amp; &#39;done&#39;…</summary>"
                + "<pre class=\"full\">expected body to contain");
    assertThat(new HtmlReport().render(SampleRuns.allPassed()))
        .contains("<div id=\"overview\" class=\"overview passing\">")
        .contains("<b class=\"overall\">All checks passing</b>: 2 checks.");
  }

  @Test
  void thePageIsSelfContainedAndDoesNotReloadItself() {
    // The only link is the empty inline icon, which saves a request for /favicon.ico.
    String html = new HtmlReport().render(SampleRuns.mixed()).replace(StatusPage.NO_ICON, "");
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .doesNotContain("<script")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("src=")
        .doesNotContain("<link")
        .doesNotContain("http-equiv=\"refresh\"");
  }

  static StoredRun stored(String runId, Instant at, StoredRunStatus status) {
    return new StoredRun(
        runId,
        "staging",
        null,
        "schedule",
        null,
        at,
        at.plusMillis(1200),
        status,
        new Counts(2, status == StoredRunStatus.PASSED ? 2 : 1, 0, 0, 0, 0),
        "test",
        null);
  }

  static StoredResult result(String runId, String check, CheckStatus status, Instant at) {
    return new StoredResult(
        runId, check, status, 1, 40, status.isFailure() ? "expected 200, got 503" : null, at);
  }

  /** run-43 (all passed, newest) after run-41, in which the health endpoint failed. */
  static RecentRuns recent() {
    Instant earlier = SampleRuns.STARTED.minusSeconds(3600);
    return new RecentRuns(
        10,
        List.of(
            stored("run-43", SampleRuns.STARTED, StoredRunStatus.PASSED),
            stored("run-41", earlier, StoredRunStatus.FAILED)),
        List.of(
            result("run-41", "staging-health/health endpoint", CheckStatus.FAILED, earlier),
            result("run-41", "staging-health/version", CheckStatus.PASSED, earlier),
            result("run-41", "checkout/create order", CheckStatus.PASSED, earlier),
            result(
                "run-43", "staging-health/health endpoint", CheckStatus.PASSED, SampleRuns.STARTED),
            result("run-43", "staging-health/version", CheckStatus.PASSED, SampleRuns.STARTED)));
  }

  @Test
  void withAStoreALineSumsUpTheRecentRuns() {
    RecentRuns recent = recent();
    assertThat(
            new HtmlReport()
                .render(ReportContext.of(SampleRuns.allPassed(), recent, null, List.of())))
        .contains("<p>Last 2 finished runs: 1 passed; run duration p50 1200 ms, p95 1200 ms.</p>")
        .contains("2 of 2 checks passed.");
    assertThat(new HtmlReport().render(SampleRuns.allPassed())).doesNotContain("finished runs");
  }

  @Test
  void withAStoreEachCheckOfTheRunHasItsHistoryBarsFromTheStore() {
    String html =
        new HtmlReport()
            .render(ReportContext.of(SampleRuns.allPassed(), recent(), null, List.of()));
    assertThat(html)
        .contains(
            "<td>staging-health/health endpoint</td><td class=\"state-passed\">PASSED</td>"
                + "<td>50%</td><td class=\"bars\">"
                + "<span class=\"bar failed\" title=\"FAILED, 1 h before this report\"></span>"
                + "<span class=\"bar passed\" title=\"PASSED, moments before this report\">"
                + "</span></td>")
        .contains("<svg class=\"spark\"")
        .contains("expected 200, got 503")
        // A check of an earlier run that this run did not select is not this run's.
        .doesNotContain("checkout/create order");
    // Without a store, one bar: this run.
    assertThat(new HtmlReport().render(SampleRuns.allPassed()))
        .contains(
            "<td>100%</td><td class=\"bars\">"
                + "<span class=\"bar passed\" title=\"PASSED, moments before this report\">"
                + "</span></td>");
  }

  @Test
  void withAStoreTheStagingReadinessVerdictIsShownWithItsBasis() {
    RecentRuns recent = recent();
    StagingReadiness readiness =
        StagingReadiness.of(StagingHistory.of("staging", recent.windowRuns()), 10, 90, true);
    String html =
        new HtmlReport()
            .render(ReportContext.of(SampleRuns.allPassed(), recent, readiness, List.of()));
    assertThat(html)
        .contains("class=\"readiness not-ready\"")
        .contains("<b class=\"verdict\">NOT READY</b>")
        .contains("staging pass rate 50% (1/2 runs of staging passed), threshold 90.")
        .contains("<li>not ready: score 50 is below the threshold 90</li>")
        .contains("Based on the staging smoke runs alone");
    assertThat(new HtmlReport().render(SampleRuns.allPassed()))
        .contains("Readiness: no verdict.")
        .doesNotContain("NOT READY");
  }
}
