package io.stagewatch.report;

import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.html.HtmlReport;
import io.stagewatch.report.json.JsonResultReport;
import io.stagewatch.report.json.NotificationJson;
import io.stagewatch.report.json.SignalReport;
import io.stagewatch.report.junit.JunitXmlReport;
import io.stagewatch.report.markdown.MarkdownSummaryReport;
import io.stagewatch.report.prometheus.MetricsReport;
import io.stagewatch.store.RecentRuns;
import io.stagewatch.store.WindowFigures;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The one place that lists the files written after every run. */
public final class ReportFiles {

  private ReportFiles() {}

  public static List<ReportFile> all() {
    return all(null, null, List.of());
  }

  /**
   * @param recent the environment's last runs, this run among them, for the reports that show
   *     history; null when no store is on
   * @param readiness the verdict of the staging runs in the store; null when no store is on
   * @param notifications what became of the run's notices, for {@code result.json}
   */
  public static List<ReportFile> all(
      @Nullable RecentRuns recent,
      @Nullable StagingReadiness readiness,
      List<NotificationJson> notifications) {
    WindowFigures figures = recent == null ? null : recent.figures();
    return List.of(
        new JunitXmlReport(),
        new JsonResultReport(notifications),
        new MarkdownSummaryReport(figures),
        new SignalReport(figures),
        new MetricsReport(),
        new HtmlReport(recent, readiness));
  }
}
