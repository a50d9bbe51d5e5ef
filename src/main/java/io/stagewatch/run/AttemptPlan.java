package io.stagewatch.run;

import io.stagewatch.config.RetryConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * When a check's next attempt starts, if it gets one: up to {@code attempts} with growing delays,
 * or, when polling, one every {@code every} until the deadline {@code until}. Times are {@link
 * System#nanoTime()} values passed in, so the plan itself never reads a clock.
 *
 * <p>A poll's attempts start {@code every} apart (at once after an attempt that took longer), and
 * the last one starts at the deadline at the latest, so a check that keeps failing reports within
 * {@code until} plus one attempt's timeout. With {@code until: 3s} and the default {@code every} of
 * 10s that is an attempt at the start and one at 3 s.
 */
final class AttemptPlan {
  private final RetryConfig retry;
  private final long deadlineNanos;
  private int started;
  private long lastStartNanos;

  /** A plan for a check whose first attempt is about to start at {@code startNanos}. */
  AttemptPlan(RetryConfig retry, long startNanos) {
    this.retry = retry;
    Duration until = retry.until();
    this.deadlineNanos = until == null ? startNanos : startNanos + until.toNanos();
    this.lastStartNanos = startNanos;
  }

  /** Records that an attempt starts at {@code nowNanos}. */
  void attemptStarts(long nowNanos) {
    started++;
    lastStartNanos = nowNanos;
  }

  /** How many attempts have started. */
  int started() {
    return started;
  }

  /**
   * The pause before the next attempt, the last one having failed at {@code nowNanos}, or null when
   * it was the last.
   */
  @Nullable Duration pauseAfterFailure(long nowNanos) {
    if (!retry.polls()) {
      return started < retry.attempts() ? retry.delayBefore(started + 1) : null;
    }
    if (nowNanos - deadlineNanos >= 0) {
      return null;
    }
    long sinceStart = nowNanos - lastStartNanos;
    long toNextStart = Math.max(0, retry.every().toNanos() - sinceStart);
    return Duration.ofNanos(Math.min(toNextStart, deadlineNanos - nowNanos));
  }
}
