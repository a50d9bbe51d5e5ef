package io.stagewatch.run;

/** The final status of a check in a run. */
public enum CheckStatus {
  PASSED,
  /** Passed, but only after failing: on a retry or a rerun. Counts as a pass. */
  FLAKY,
  /** An expectation did not hold. */
  FAILED,
  /** The check could not be carried out: timeout, connection refused, bad config at run time. */
  ERROR,
  SKIPPED;

  /** Whether the check counts as passed for the exit code. */
  public boolean isPass() {
    return this == PASSED || this == FLAKY;
  }

  /** Whether the check makes the run fail. */
  public boolean isFailure() {
    return this == FAILED || this == ERROR;
  }
}
