package io.stagewatch.report.html;

import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.ReportContext;
import io.stagewatch.report.ReportFile;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.RecentRuns;
import io.stagewatch.store.WindowFigures;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: the daemon's status page for this run, every check with its state, duration
 * and reason, under the run's series. With a store, a line sums up the series' last runs, the
 * staging readiness verdict is shown, and each check of this run has the history bars, uptime and
 * latency sparkline of the series' last {@link PageView#HISTORY_RUNS} runs, as on the daemon's
 * page. The page does not reload itself, so its times count from the end of the run ("3 min before
 * this report"), not from whenever it is opened.
 */
public final class HtmlReport implements ReportFile {
  @Override
  public String fileName() {
    return "report.html";
  }

  @Override
  public String render(ReportContext context) {
    RunResult result = context.result();
    StagingReadiness readiness = context.readiness();
    int passed = result.counts().passed() + result.counts().flaky();
    RecentRuns r = context.recent();
    // The context's figures: worked out once for every report (40000 results for 2000 checks).
    WindowFigures figures = context.figures();
    if (figures == null && r != null) {
      figures = r.figures();
    }
    PageView.Section section =
        new PageView.Section(
            result.info().series().describe(),
            new PageView.LastRun(
                result.status(),
                result.info().startedAt(),
                result.info().label(),
                passed,
                result.counts().total()),
            figures == null ? null : historyLine(figures),
            r == null
                ? CheckState.of(result)
                : CheckState.of(result, r.last(PageView.HISTORY_RUNS), r.results()));
    PageView view =
        new PageView(
            result.info().environment(),
            null,
            readiness,
            List.of(section),
            0,
            PageTime.report(result.finishedAt()));
    return StatusPage.render(view);
  }

  static String historyLine(WindowFigures figures) {
    return String.format(
        Locale.ROOT,
        "Last %d finished runs: %d passed; run duration p50 %d ms, p95 %d ms.",
        figures.finishedRuns(),
        figures.passedRuns(),
        figures.p50RunMs(),
        figures.p95RunMs());
  }
}
