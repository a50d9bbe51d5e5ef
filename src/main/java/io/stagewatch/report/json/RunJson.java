package io.stagewatch.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stagewatch.report.NoticeOutcome;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The top level of {@code result.json}.
 *
 * @param notifications the notices this run sent or tried to send; empty when there were none
 */
@JsonPropertyOrder({
  "runId",
  "project",
  "environment",
  "trigger",
  "label",
  "startedAt",
  "finishedAt",
  "durationMs",
  "status",
  "counts",
  "passRate",
  "notifications",
  "checks"
})
public record RunJson(
    String runId,
    @Nullable String project,
    String environment,
    String trigger,
    @Nullable String label,
    Instant startedAt,
    Instant finishedAt,
    long durationMs,
    String status,
    CountsJson counts,
    double passRate,
    List<NoticeOutcome> notifications,
    List<CheckJson> checks) {

  public static RunJson of(RunResult result) {
    return of(result, List.of());
  }

  public static RunJson of(RunResult result, List<NoticeOutcome> notifications) {
    RunInfo info = result.info();
    return new RunJson(
        info.runId(),
        info.project(),
        info.environment(),
        info.trigger(),
        info.label(),
        info.startedAt(),
        result.finishedAt(),
        result.duration().toMillis(),
        result.status().word(),
        CountsJson.of(result.counts()),
        result.counts().passRate(),
        notifications,
        result.checks().stream().map(CheckJson::of).toList());
  }

  /** Writes the fields in the order of {@link JsonPropertyOrder} above. */
  void writeTo(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("runId", runId);
    JsonText.stringOrNull(json, "project", project);
    json.writeStringField("environment", environment);
    json.writeStringField("trigger", trigger);
    JsonText.stringOrNull(json, "label", label);
    json.writeStringField("startedAt", startedAt.toString());
    json.writeStringField("finishedAt", finishedAt.toString());
    json.writeNumberField("durationMs", durationMs);
    json.writeStringField("status", status);
    json.writeFieldName("counts");
    counts.writeTo(json);
    json.writeNumberField("passRate", passRate);
    json.writeArrayFieldStart("notifications");
    for (NoticeOutcome notice : notifications) {
      json.writeStartObject();
      json.writeStringField("notifier", notice.notifier());
      json.writeStringField("kind", notice.kind());
      json.writeStringField("runId", notice.runId());
      JsonText.strings(json, "checks", notice.checks());
      json.writeStringField("status", notice.status());
      JsonText.stringOrNull(json, "error", notice.error());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("checks");
    for (CheckJson check : checks) {
      check.writeTo(json);
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
