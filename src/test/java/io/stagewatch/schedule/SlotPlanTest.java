package io.stagewatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewatch.config.ScheduleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotPlanTest {
  static final Instant START = Instant.parse("2026-11-23T13:58:30Z");

  static Schedule cron(String expression, @Nullable String zone) {
    return Schedule.of(
        new ScheduleConfig("smoke", List.of("*"), "smoke", expression, zone, null, null));
  }

  static Schedule every(Duration every, @Nullable Duration jitter) {
    return Schedule.of(
        new ScheduleConfig("health", List.of("health"), null, null, null, every, jitter));
  }

  @Test
  void aScheduleOfAllSuitesSelectsNoSuiteByName() {
    Schedule s = cron("0 */4 * * *", null);
    assertThat(s.suites()).isEmpty();
    assertThat(s.tags()).isEqualTo("smoke");
    assertThat(s.name()).isEqualTo("smoke");
  }

  @ParameterizedTest
  @CsvSource({
    "0 */4 * * *, UTC, 2026-11-23T16:00:00Z",
    "0 */4 * * *, Europe/Berlin, 2026-11-23T15:00:00Z",
    "*/5 * * * *, UTC, 2026-11-23T14:00:00Z",
    "30 9 * * 1-5, UTC, 2026-11-24T09:30:00Z"
  })
  void theFirstSlotIsTheFirstCronTimeAfterTheStart(String expression, String zone, String first) {
    assertThat(SlotPlan.from(cron(expression, zone), START).nextSlot())
        .isEqualTo(Instant.parse(first));
  }

  @Test
  void aCronTimeOnItsMinuteIsThatSlot() {
    Timing t = cron("0 */4 * * *", null).timing();
    Instant slot = Instant.parse("2026-11-23T16:00:00Z");
    assertThat(t.latestAtOrBefore(slot.plusSeconds(59))).isEqualTo(slot);
    assertThat(t.nextAfter(slot)).isEqualTo(slot.plus(Duration.ofHours(4)));
    assertThat(t.period()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void nothingIsDueBeforeTheFirstSlot() {
    SlotPlan plan = SlotPlan.from(every(Duration.ofMinutes(15), null), START);
    assertThat(plan.take(START.plusSeconds(80))).isEmpty();
    assertThat(plan.take(Instant.parse("2026-11-23T14:00:00Z")))
        .contains(Instant.parse("2026-11-23T14:00:00Z"));
    assertThat(plan.nextSlot()).isEqualTo(Instant.parse("2026-11-23T14:15:00Z"));
  }

  @Test
  void aLongPauseCatchesUpOnceWithTheLatestMissedSlot() {
    SlotPlan plan = SlotPlan.from(every(Duration.ofMinutes(15), null), START);
    Instant afterPause = Instant.parse("2026-11-23T17:07:00Z");
    assertThat(plan.take(afterPause)).contains(Instant.parse("2026-11-23T17:00:00Z"));
    assertThat(plan.take(afterPause.plusSeconds(1))).isEmpty();
    assertThat(plan.nextSlot()).isEqualTo(Instant.parse("2026-11-23T17:15:00Z"));
  }

  @Test
  void aSlowRunPushesTheNextSlotInsteadOfQueueingIt() {
    SlotPlan plan = SlotPlan.from(every(Duration.ofSeconds(1), null), START);
    Instant first = plan.take(START.plusMillis(1500)).orElseThrow();
    // The run took 3.2 s: the slots it overlapped collapse into the one it ended in.
    Instant runEnded = first.plusMillis(3200);
    assertThat(plan.take(runEnded)).contains(first.plusSeconds(3));
    assertThat(plan.take(runEnded)).isEmpty();
  }

  @Test
  void aRestartedDaemonRunsTheLatestMissedSlotOnceAndThenKeepsTime() {
    SlotPlan plan = SlotPlan.resuming(cron("0 */4 * * *", null), START);
    assertThat(plan.take(START)).contains(Instant.parse("2026-11-23T12:00:00Z"));
    assertThat(plan.take(START.plusSeconds(1))).isEmpty();
    assertThat(plan.nextSlot()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
  }

  @Test
  void jitterDelaysASlotByTheSameAmountInEveryReplica() {
    Schedule a = every(Duration.ofMinutes(15), Duration.ofSeconds(30));
    Schedule b = every(Duration.ofMinutes(15), Duration.ofSeconds(30));
    Instant slot = Instant.parse("2026-11-23T14:00:00Z");
    assertThat(a.jitterFor(slot))
        .isEqualTo(b.jitterFor(slot))
        .isBetween(Duration.ZERO, Duration.ofSeconds(30));
    SlotPlan plan = SlotPlan.from(a, START);
    assertThat(plan.fireAt()).isEqualTo(slot.plus(a.jitterFor(slot)));
    assertThat(plan.take(plan.fireAt().minusMillis(1))).isEmpty();
    assertThat(plan.take(plan.fireAt())).contains(slot);
  }

  @Test
  void anInvalidCronExpressionIsRefused() {
    assertThatThrownBy(() -> cron("61 * * * *", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
