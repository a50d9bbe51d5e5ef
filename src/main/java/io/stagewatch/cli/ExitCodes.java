package io.stagewatch.cli;

/** The exit codes of the contract, in one place. */
public final class ExitCodes {
  /** Every selected check passed (flaky ones included). */
  public static final int PASSED = 0;

  /** At least one check failed. */
  public static final int FAILED = 1;

  /** Usage or configuration error: nothing was run. */
  public static final int USAGE = 2;

  /** Internal or infrastructure error, such as reports or the store that cannot be written. */
  public static final int INTERNAL = 3;

  /** Another run of the same environment holds the run lock; nothing was run. */
  public static final int LOCKED = 4;

  private ExitCodes() {}
}
