package io.stagewatch.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One notice in {@code result.json}: what it was about and whether it went out.
 *
 * @param kind {@code alert}, {@code reminder} or {@code recovery}
 * @param runId the run that wrote it; an earlier run's id when this run delivered a retry
 * @param status {@code sent}, {@code pending} (will be retried by the next run) or {@code failed}
 * @param error why it was not delivered, masked
 */
@JsonPropertyOrder({"notifier", "kind", "runId", "checks", "status", "error"})
public record NotificationJson(
    String notifier,
    String kind,
    String runId,
    List<String> checks,
    String status,
    @Nullable String error) {

  public NotificationJson {
    checks = List.copyOf(checks);
  }

  /** Writes the fields in the order of {@link JsonPropertyOrder} above. */
  void writeTo(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("notifier", notifier);
    json.writeStringField("kind", kind);
    json.writeStringField("runId", runId);
    JsonText.strings(json, "checks", checks);
    json.writeStringField("status", status);
    JsonText.stringOrNull(json, "error", error);
    json.writeEndObject();
  }
}
