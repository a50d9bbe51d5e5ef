package io.stagewatch.readiness;

import java.util.Locale;

/**
 * The bands of a score from 0 to 100: 95 and above excellent, 90 to 94.9 good, 80 to 89.9 fair,
 * below 80 poor. A score is rounded to one decimal before its band is taken, so the band always
 * agrees with the number shown.
 */
public enum Band {
  EXCELLENT(95),
  GOOD(90),
  FAIR(80),
  POOR(0);

  private final double from;

  Band(double from) {
    this.from = from;
  }

  /** The lowest score in the band. */
  public double from() {
    return from;
  }

  public static Band of(double score) {
    for (Band band : values()) {
      if (score >= band.from) {
        return band;
      }
    }
    return POOR;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
