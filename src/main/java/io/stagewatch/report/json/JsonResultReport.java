package io.stagewatch.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.stagewatch.report.ReportFile;
import io.stagewatch.run.RunResult;
import java.util.List;

/** {@code result.json}: the whole run for machines, shaped by {@link RunJson}. */
public final class JsonResultReport implements ReportFile {
  public static final String FILE_NAME = "result.json";

  /** Thread-safe once configured; building one is expensive, so it is shared. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .defaultPrettyPrinter(prettyPrinter())
          .build();

  /**
   * Two-space indents, {@code "key": value} and {@code []}, with {@code \n} on every platform so
   * that the file is byte-for-byte the same wherever it is written.
   */
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

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
    return json(RunJson.of(result, notifications), FILE_NAME);
  }

  /** A report's records as pretty JSON ending in a newline. */
  static String json(Object value, String fileName) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      // The records hold only strings, numbers, lists and instants: this cannot happen.
      throw new IllegalStateException("could not render " + fileName, e);
    }
  }
}
