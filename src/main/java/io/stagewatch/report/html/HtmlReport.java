package io.stagewatch.report.html;

import io.stagewatch.report.ReportFile;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.WindowFigures;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code report.html}: the daemon's status page for this run, every check with its state, duration
 * and reason. With a store, a line sums up the environment's last runs; the per-check history bars
 * show this run alone. The page does not reload itself.
 */
public final class HtmlReport implements ReportFile {
  private final @Nullable WindowFigures history;

  public HtmlReport() {
    this(null);
  }

  /**
   * @param history the figures of the environment's last runs; null when no store is on
   */
  public HtmlReport(@Nullable WindowFigures history) {
    this.history = history;
  }

  @Override
  public String fileName() {
    return "report.html";
  }

  @Override
  public String render(RunResult result) {
    int passed = result.counts().passed() + result.counts().flaky();
    PageView view =
        new PageView(
            result.info().environment(),
            null,
            new PageView.LastRun(
                result.status(),
                result.info().startedAt(),
                result.info().label(),
                passed,
                result.counts().total()),
            history == null ? null : historyLine(history),
            CheckState.of(result),
            0);
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
