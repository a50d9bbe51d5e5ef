package io.stagewatch.run;

/** The status of a whole run. */
public enum RunStatus {
  PASSED,
  FAILED;

  /**
   * The status as every machine output writes it ({@code result.json}, {@code signal.json}, the
   * GitHub output, {@code /api/status}): {@code pass} or {@code fail}.
   */
  public String word() {
    return this == PASSED ? "pass" : "fail";
  }
}
