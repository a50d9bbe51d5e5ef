package io.stagewatch.run;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles by nearest rank: the smallest value such that at least p% of the values are less than
 * or equal to it. Always one of the measured values, never an interpolation, so a p95 of {@code 1.2
 * s} means some check really took that long.
 */
public final class Percentiles {
  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  public static Percentiles of(Collection<Long> values) {
    long[] sorted = new long[values.size()];
    int i = 0;
    for (long value : values) {
      sorted[i++] = value;
    }
    Arrays.sort(sorted);
    return new Percentiles(sorted);
  }

  public boolean isEmpty() {
    return sorted.length == 0;
  }

  /**
   * The value at {@code percent} (1 to 100).
   *
   * @throws IllegalStateException when there are no values
   */
  public long at(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("percent must be 1 to 100: " + percent);
    }
    if (sorted.length == 0) {
      throw new IllegalStateException("no values");
    }
    // ceil(percent / 100 * n) in integers, so that no rounding error can shift the rank.
    int rank = (percent * sorted.length + 99) / 100;
    return sorted[rank - 1];
  }
}
