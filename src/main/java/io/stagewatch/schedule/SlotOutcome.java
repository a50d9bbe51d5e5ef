package io.stagewatch.schedule;

/** What became of one slot. */
public enum SlotOutcome {
  /** Ran and recorded; every check passed. */
  PASSED,
  /** Ran and recorded; a check failed. Staging is red, the daemon is fine. */
  FAILED,
  /** Another replica already ran this slot: the store holds its run. */
  ALREADY_RAN,
  /** Another run of the environment held the run lock for longer than the daemon waits. */
  LOCKED,
  /** Ran, but the store or the reports could not be written. */
  NOT_RECORDED,
  /** The runner threw: the run did not happen or did not finish. */
  BROKEN;

  /** Whether the slot is done: its run happened and is in the store, here or in a replica. */
  public boolean completed() {
    return this == PASSED || this == FAILED || this == ALREADY_RAN;
  }
}
