package io.stagewatch.store;

/** The status of a run as the store knows it. */
public enum StoredRunStatus {
  PASSED,
  FAILED,
  /** Started and not finished: in progress, or killed and not yet noticed. */
  RUNNING,
  /** Found RUNNING by a later run of its environment, so its process died; results kept. */
  ABORTED;

  /**
   * The status as machine outputs write it: {@code pass}, {@code fail}, {@code running} or {@code
   * aborted}, the first two as {@link io.stagewatch.run.RunStatus#word()} writes them.
   */
  public String word() {
    return switch (this) {
      case PASSED -> "pass";
      case FAILED -> "fail";
      case RUNNING -> "running";
      case ABORTED -> "aborted";
    };
  }

  /** Whether the run got to its end. */
  public boolean isFinished() {
    return this == PASSED || this == FAILED;
  }
}
