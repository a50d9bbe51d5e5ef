package io.stagewatch.notify;

import io.stagewatch.store.NoticeStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What became of one notice in this run, for the console and {@code result.json}.
 *
 * @param channel the name of the channel it went to
 * @param kind {@code alert}, {@code reminder} or {@code recovery}
 * @param runId the run that wrote the notice: an earlier one when this run retried it
 * @param error why it was not delivered, masked; null when it was
 */
public record NoticeReport(
    String channel,
    String kind,
    String runId,
    List<String> checks,
    NoticeStatus status,
    @Nullable String error) {

  public NoticeReport {
    checks = List.copyOf(checks);
  }
}
