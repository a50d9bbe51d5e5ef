package io.stagewatch.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the alert policy remembers about one check of one environment while it fails, or, with
 * {@code alertOnDegraded}, while it passes degraded. A check that passes has no state: its row is
 * deleted.
 *
 * @param consecutiveFailures failed runs in a row (degraded runs in a degraded streak), the current
 *     one included
 * @param alerting whether an alert went out for this streak
 * @param failingSince when the first failing (or degraded) run of the streak started
 * @param lastNoticeAt when the last alert or reminder about it was written; null before any
 * @param degraded whether the streak is of degraded passes rather than failures
 */
public record AlertState(
    String checkId,
    int consecutiveFailures,
    boolean alerting,
    Instant failingSince,
    @Nullable Instant lastNoticeAt,
    boolean degraded) {

  /** The state of a streak of failures. */
  public AlertState(
      String checkId,
      int consecutiveFailures,
      boolean alerting,
      Instant failingSince,
      @Nullable Instant lastNoticeAt) {
    this(checkId, consecutiveFailures, alerting, failingSince, lastNoticeAt, false);
  }
}
