package io.stagewatch.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Which slot of one schedule is due. Slots missed while the daemon was paused or busy collapse into
 * one: after a pause the latest missed slot runs once, and the plan moves on to the first slot
 * after now, so a long pause never causes a burst of runs.
 */
public final class SlotPlan {
  private final Schedule schedule;
  private Instant next;

  private SlotPlan(Schedule schedule, Instant next) {
    this.schedule = schedule;
    this.next = next;
  }

  /** A plan whose first slot is the first one after {@code start}. */
  public static SlotPlan from(Schedule schedule, Instant start) {
    return new SlotPlan(schedule, schedule.timing().nextAfter(start));
  }

  /**
   * A plan for a (re)started daemon: the latest slot at or before {@code start} is due at once, so
   * a slot missed while the daemon was down runs once. The runner skips it when the store shows
   * that it ran already (before the restart, or in a replica).
   */
  public static SlotPlan resuming(Schedule schedule, Instant start) {
    return new SlotPlan(schedule, schedule.timing().latestAtOrBefore(start));
  }

  public Schedule schedule() {
    return schedule;
  }

  /** The next slot's time, before jitter. */
  public Instant nextSlot() {
    return next;
  }

  /** When the next slot fires: its time plus its jitter. */
  public Instant fireAt() {
    return next.plus(schedule.jitterFor(next));
  }

  /**
   * Takes the slot due at {@code now}, if any, and moves the plan past {@code now}.
   *
   * @return the slot to run: the latest slot at or before now
   */
  public Optional<Instant> take(Instant now) {
    if (now.isBefore(fireAt())) {
      return Optional.empty();
    }
    Instant slot = schedule.timing().latestAtOrBefore(now);
    if (slot.isBefore(next)) {
      // Only jitter can bring us here: the slot's time has passed, the slot is 'next'.
      slot = next;
    }
    next = schedule.timing().nextAfter(now.isAfter(slot) ? now : slot);
    return Optional.of(slot);
  }
}
