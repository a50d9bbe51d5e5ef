package io.stagewatch.text;

import java.time.Duration;

/** Durations as people read them in reports: {@code 42 ms}, {@code 1.2 s}, {@code 3 min 5 s}. */
public final class HumanDuration {

  private HumanDuration() {}

  public static String format(Duration duration) {
    return format(duration.toMillis());
  }

  /**
   * Formats milliseconds. Tenths of a second are cut rather than rounded, so that 59 999 ms reads
   * {@code 59.9 s} and never {@code 60.0 s}.
   */
  public static String format(long millis) {
    long ms = Math.max(0, millis);
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return ms / 1_000 + "." + ms % 1_000 / 100 + " s";
    }
    long seconds = ms / 1_000;
    return seconds / 60 + " min " + seconds % 60 + " s";
  }
}
