package io.stagewatch.report;

import io.stagewatch.report.html.HtmlReport;
import io.stagewatch.report.json.JsonResultReport;
import io.stagewatch.report.json.SignalReport;
import io.stagewatch.report.junit.JunitXmlReport;
import io.stagewatch.report.markdown.MarkdownSummaryReport;
import io.stagewatch.report.prometheus.MetricsReport;
import io.stagewatch.store.WindowFigures;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The one place that lists the files written after every run. */
public final class ReportFiles {

  private ReportFiles() {}

  public static List<ReportFile> all() {
    return all(null);
  }

  /**
   * @param history the figures of the environment's last runs, for the reports that show them; null
   *     when no store is on
   */
  public static List<ReportFile> all(@Nullable WindowFigures history) {
    return List.of(
        new JunitXmlReport(),
        new JsonResultReport(),
        new MarkdownSummaryReport(history),
        new SignalReport(history),
        new MetricsReport(),
        new HtmlReport(history));
  }
}
