package io.stagewatch.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code every: 15m}: slots on a grid anchored at the epoch, so that every replica and every
 * restart agrees on the slot times without talking to each other.
 */
record EveryTiming(Duration every) implements Timing {

  EveryTiming {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("every must be positive, got " + every);
    }
  }

  @Override
  public Instant nextAfter(Instant t) {
    return latestAtOrBefore(t).plus(every);
  }

  @Override
  public Instant latestAtOrBefore(Instant t) {
    long step = every.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), step) * step);
  }

  @Override
  public Duration period() {
    return every;
  }
}
