package io.stagewatch.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The top level of {@code result.json}.
 *
 * @param notifications what notifiers did about the run; always empty until notifiers report back,
 *     kept so that readers can rely on the field being there
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
    List<Object> notifications,
    List<CheckJson> checks) {

  public static RunJson of(RunResult result) {
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
        result.status().name(),
        CountsJson.of(result.counts()),
        result.counts().passRate(),
        List.of(),
        result.checks().stream().map(CheckJson::of).toList());
  }
}
