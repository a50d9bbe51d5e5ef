package io.stagewatch.schedule;

import java.time.Instant;

/** Runs one slot of a schedule, the way {@code stagewatch run} runs: store, lock, reports. */
@FunctionalInterface
public interface SlotRunner {

  /**
   * Runs the slot and returns when the run is over.
   *
   * @throws Exception for anything that stopped the run; the daemon logs it and goes on
   */
  SlotOutcome run(Schedule schedule, Instant slot) throws Exception;

  /**
   * Called on every wake-up of the scheduler, between slots as well, for work that must not wait
   * for the next run, such as notices still waiting to be delivered. It runs on the scheduler
   * thread, so it never overlaps a slot's run; keep it short. What it throws is logged.
   */
  default void idle() {}
}
