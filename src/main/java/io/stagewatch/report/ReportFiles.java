package io.stagewatch.report;

import io.stagewatch.report.json.JsonResultReport;
import io.stagewatch.report.junit.JunitXmlReport;
import io.stagewatch.report.markdown.MarkdownSummaryReport;
import java.util.List;

/** The one place that lists the files written after every run. */
public final class ReportFiles {

  private ReportFiles() {}

  public static List<ReportFile> all() {
    return List.of(new JunitXmlReport(), new JsonResultReport(), new MarkdownSummaryReport());
  }
}
