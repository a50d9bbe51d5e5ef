package io.stagewatch.text;

import io.stagewatch.run.Counts;
import java.math.BigDecimal;

/**
 * The pass rate the same way in every report: a ratio from 0 to 1 in every output for machines
 * (JSON, metrics, the GitHub outputs), a percentage only in text for people.
 */
public final class PassRate {

  private PassRate() {}

  /**
   * The pass rate from 0 to 100, rounded to at most one decimal, without trailing zeros: {@code
   * 80}, {@code 66.7}, {@code 100}. A run with any failure never shows {@code 100}: 999 out of 1000
   * reads {@code 99.9}, because a rounded-up 100 would hide the failure.
   */
  public static String percent(Counts counts) {
    return percent(counts.passed() + counts.flaky(), counts.executed());
  }

  /**
   * The pass rate from 0 to 1 for machines, to at most four decimals without trailing zeros: {@code
   * 0.8}, {@code 0.6667}, {@code 1}. As with {@link #percent(Counts)}, a run with any failure never
   * reads {@code 1}.
   */
  public static String ratio(Counts counts) {
    long passed = counts.passed() + counts.flaky();
    long executed = counts.executed();
    long tenThousandths = executed == 0 ? 10_000 : Math.round(passed * 10_000.0 / executed);
    if (tenThousandths == 10_000 && passed < executed) {
      tenThousandths = 9_999;
    }
    return BigDecimal.valueOf(tenThousandths, 4).stripTrailingZeros().toPlainString();
  }

  /**
   * {@code passed} out of {@code executed} the same way as {@link #percent(Counts)}: 100 when
   * nothing was executed.
   */
  public static String percent(long passed, long executed) {
    long tenths = executed == 0 ? 1000 : Math.round(passed * 1000.0 / executed);
    if (tenths == 1000 && passed < executed) {
      tenths = 999;
    }
    return BigDecimal.valueOf(tenths, 1).stripTrailingZeros().toPlainString();
  }
}
