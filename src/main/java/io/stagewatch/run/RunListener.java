package io.stagewatch.run;

/**
 * The stream of events of one run. Reporters, the store and notifiers subscribe to it instead of
 * walking results themselves. Methods may be called from several threads at once; every method has
 * an empty default so that listeners stay compatible as events are added.
 */
public interface RunListener {

  /** The run was planned and is about to execute {@code plannedChecks} checks. */
  default void runStarted(RunInfo info, int plannedChecks) {}

  /** One check reached its final status (after its retries). */
  default void checkFinished(CheckResult result) {}

  /** Every check has finished. */
  default void runFinished(RunResult result) {}
}
