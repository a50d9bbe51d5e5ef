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
}
