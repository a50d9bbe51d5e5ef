package io.stagewatch.report.json;

import io.stagewatch.report.ReportContext;
import io.stagewatch.report.ReportFile;

/** {@code result.json}: the whole run for machines, shaped by {@link RunJson}. */
public final class JsonResultReport implements ReportFile {
  public static final String FILE_NAME = "result.json";

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public String render(ReportContext context) {
    return JsonText.render(RunJson.of(context.result(), context.notifications())::writeTo);
  }
}
