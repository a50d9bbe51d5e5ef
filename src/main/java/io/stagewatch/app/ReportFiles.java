package io.stagewatch.app;

import io.stagewatch.report.ReportFile;
import io.stagewatch.report.html.HtmlReport;
import io.stagewatch.report.json.JsonResultReport;
import io.stagewatch.report.json.SignalReport;
import io.stagewatch.report.junit.JunitXmlReport;
import io.stagewatch.report.markdown.MarkdownSummaryReport;
import io.stagewatch.report.prometheus.MetricsReport;
import java.util.List;

/**
 * The registry of the files written after every run, in the order they are written: adding a report
 * is its class and one line here. Everything a report needs comes with the {@link
 * io.stagewatch.report.ReportContext} it renders.
 */
public final class ReportFiles {
  private static final List<ReportFile> ALL =
      List.of(
          new JunitXmlReport(),
          new JsonResultReport(),
          new MarkdownSummaryReport(),
          new SignalReport(),
          new MetricsReport(),
          new HtmlReport());

  private ReportFiles() {}

  public static List<ReportFile> all() {
    return ALL;
  }
}
