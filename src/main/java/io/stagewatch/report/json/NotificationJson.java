package io.stagewatch.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
}
