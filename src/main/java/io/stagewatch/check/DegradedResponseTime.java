package io.stagewatch.check;

import io.stagewatch.config.Durations;
import io.stagewatch.config.MapReader;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code expect.degradedResponseTime}, the same for every kind that has a {@code maxResponseTime}:
 * a check slower than it, but within {@code maxResponseTime}, passes and is marked degraded. It
 * judges the very response time that {@code maxResponseTime} judges.
 */
public final class DegradedResponseTime {
  /** The key in a check's {@code expect:} map. */
  public static final String KEY = "degradedResponseTime";

  private DegradedResponseTime() {}

  /**
   * Reads the bound; one that is not below {@code maxResponseTime} is a problem, because such a
   * check could never be degraded.
   */
  public static @Nullable Duration read(MapReader expect, @Nullable Duration maxResponseTime) {
    Duration bound = expect.duration(KEY);
    if (bound != null && maxResponseTime != null && bound.compareTo(maxResponseTime) >= 0) {
      expect.problem(
          KEY,
          "expected a time below maxResponseTime "
              + Durations.format(maxResponseTime)
              + ", got "
              + Durations.format(bound));
    }
    return bound;
  }

  /**
   * A passing check's outcome: degraded when {@code elapsed} is over the bound.
   *
   * @param seen what a pass in time says; null for nothing
   * @param slow what a slow pass says, ending with its time; the bound is added to it
   */
  public static CheckOutcome judge(
      Duration elapsed, @Nullable Duration bound, @Nullable String seen, String slow) {
    if (bound == null || elapsed.compareTo(bound) <= 0) {
      return seen == null ? CheckOutcome.passed() : new CheckOutcome(AttemptVerdict.PASSED, seen);
    }
    return CheckOutcome.degraded(slow + ", more than " + KEY + " " + Durations.format(bound));
  }
}
