package io.stagewatch.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a check is tried again after a failure that a retry can change. Either a number of {@code
 * attempts} (the first included) with a {@code delay} that grows by {@code backoff}, so that a
 * check takes at most attempts × timeout plus the delays; or polling: an attempt every {@code
 * every} (default 10 s) {@code until} the deadline, the last one starting at the deadline at the
 * latest, so that a check takes at most until plus one timeout.
 */
public record RetryConfig(
    int attempts, Duration delay, double backoff, @Nullable Duration until, Duration every) {
  public static final int DEFAULT_ATTEMPTS = 3;
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
  public static final double DEFAULT_BACKOFF = 2.0;
  public static final Duration DEFAULT_EVERY = Duration.ofSeconds(10);

  public static final RetryConfig DEFAULT =
      new RetryConfig(DEFAULT_ATTEMPTS, DEFAULT_DELAY, DEFAULT_BACKOFF, null, DEFAULT_EVERY);

  /** Whether this is polling until a deadline rather than a fixed number of attempts. */
  public boolean polls() {
    return until != null;
  }

  /** The pause before attempt number {@code next} (2 for the first retry). */
  public Duration delayBefore(int next) {
    double factor = Math.pow(backoff, Math.max(0, next - 2));
    return Duration.ofMillis((long) (delay.toMillis() * factor));
  }

  /**
   * Reads a {@code retry:} map; keys not given are taken from {@code base}. Polling and attempts do
   * not mix.
   */
  public static RetryConfig read(MapReader r, RetryConfig base) {
    Integer attempts = r.integer("attempts", 1, 100);
    Duration delay = r.duration("delay");
    Double backoff = r.number("backoff", 1.0, 10.0);
    Duration until = r.duration("until");
    Duration every = r.duration("every");
    if (until != null && attempts != null) {
      r.problem("attempts", "use either attempts or until, not both");
    }
    if (every != null && until == null) {
      r.problem("every", "every only applies together with until");
    }
    if (every != null && every.isZero()) {
      r.problem("every", "must be longer than 0ms");
    }
    r.finish();
    return new RetryConfig(
        attempts != null ? attempts : until != null ? 1 : base.attempts(),
        delay != null ? delay : base.delay(),
        backoff != null ? backoff : base.backoff(),
        until,
        every != null ? every : base.every());
  }
}
