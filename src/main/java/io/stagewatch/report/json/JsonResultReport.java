package io.stagewatch.report.json;

import io.stagewatch.report.ReportFile;
import io.stagewatch.run.RunResult;
import java.util.List;

/** {@code result.json}: the whole run for machines, shaped by {@link RunJson}. */
public final class JsonResultReport implements ReportFile {
  public static final String FILE_NAME = "result.json";

  private final List<NotificationJson> notifications;

  public JsonResultReport() {
    this(List.of());
  }

  /**
   * @param notifications what the run's notices became; known only after the run, when they were
   *     sent
   */
  public JsonResultReport(List<NotificationJson> notifications) {
    this.notifications = List.copyOf(notifications);
  }

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public String render(RunResult result) {
    return JsonText.render(RunJson.of(result, notifications)::writeTo);
  }
}
