package io.stagewatch.run;

/** The status of a whole run. */
public enum RunStatus {
  PASSED,
  FAILED
}
