package io.stagewatch.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What became of one notice: what it was about and whether it went out ({@code notifications} in
 * {@code result.json}).
 *
 * @param kind {@code alert}, {@code reminder} or {@code recovery}
 * @param runId the run that wrote it; an earlier run's id when this run delivered a retry
 * @param status {@code sent}, {@code pending} (will be retried by the next run) or {@code failed}
 * @param error why it was not delivered, masked
 */
public record NoticeOutcome(
    String notifier,
    String kind,
    String runId,
    List<String> checks,
    String status,
    @Nullable String error) {

  public NoticeOutcome {
    checks = List.copyOf(checks);
  }
}
