package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.config.RetryConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plan alone, on times given as numbers: no clock, no waiting. */
class AttemptPlanTest {
  private static final long MS = 1_000_000;

  private static RetryConfig polling(long untilMs, long everyMs) {
    return new RetryConfig(
        1, RetryConfig.DEFAULT_DELAY, 2.0, Duration.ofMillis(untilMs), Duration.ofMillis(everyMs));
  }

  @ParameterizedTest(name = "until {0}ms, every {1}ms: attempt at {2}ms failed at {3}ms -> {4}")
  @CsvSource({
    // The next attempt starts `every` after the last one started...
    "5000, 1000, 0, 100, 900",
    "5000, 1000, 2000, 2999, 1",
    // ...at once after an attempt that took longer than `every`...
    "5000, 1000, 1000, 2500, 0",
    // ...and never after the deadline: the last wait is cut to end there.
    "3000, 10000, 0, 50, 2950",
    "2000, 1500, 1500, 1600, 400",
    // An attempt that ends at or after the deadline is the last.
    "2000, 1500, 1500, 2000, -1",
    "2000, 1500, 1500, 2500, -1",
  })
  void pollingWaitsEveryUntilTheDeadlineAndNoLonger(
      long untilMs, long everyMs, long startedMs, long failedMs, long pauseMs) {
    AttemptPlan plan = new AttemptPlan(polling(untilMs, everyMs), 0);
    plan.attemptStarts(startedMs * MS);

    Duration pause = plan.pauseAfterFailure(failedMs * MS);

    if (pauseMs < 0) {
      assertThat(pause).isNull();
    } else {
      assertThat(pause).isEqualTo(Duration.ofMillis(pauseMs));
    }
  }

  @Test
  void aFixedNumberOfAttemptsPausesByTheBackoffAndStopsAfterTheLast() {
    AttemptPlan plan =
        new AttemptPlan(new RetryConfig(3, Duration.ofMillis(100), 2.0, null, Duration.ZERO), 0);

    plan.attemptStarts(0);
    assertThat(plan.pauseAfterFailure(50 * MS)).isEqualTo(Duration.ofMillis(100));
    plan.attemptStarts(150 * MS);
    assertThat(plan.pauseAfterFailure(200 * MS)).isEqualTo(Duration.ofMillis(200));
    plan.attemptStarts(400 * MS);
    assertThat(plan.pauseAfterFailure(450 * MS)).isNull();
    assertThat(plan.started()).isEqualTo(3);
  }

  @Test
  void aPollThatStartsLateAfterALongPauseStillEndsAtTheDeadline() {
    AttemptPlan plan = new AttemptPlan(polling(3000, 10_000), 7 * MS);

    plan.attemptStarts(7 * MS);
    Duration pause = plan.pauseAfterFailure(20 * MS);
    plan.attemptStarts((20 * MS) + pause.toNanos());

    assertThat(pause).isEqualTo(Duration.ofMillis(2987));
    assertThat(plan.pauseAfterFailure(3007 * MS + 1)).isNull();
  }
}
