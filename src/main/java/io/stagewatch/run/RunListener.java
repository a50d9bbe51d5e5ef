package io.stagewatch.run;

import java.util.List;

/**
 * The stream of events of one run. Reporters, the store and notifiers subscribe to it instead of
 * walking results themselves. Methods may be called from several threads at once; every method has
 * an empty default so that listeners stay compatible as events are added.
 */
public interface RunListener {

  /** The run was planned and is about to execute {@code plannedChecks} checks. */
  default void runStarted(RunInfo info, int plannedChecks) {}

  /**
   * The first of the run's checks to wait on the network has handed its request over: from here the
   * run mostly waits, and work kept off the CPU while the checks got going may start. Once a run.
   */
  default void waitingOnNetwork() {}

  /** One check reached its final status (after its retries). */
  default void checkFinished(CheckResult result) {}

  /** Every check has finished. */
  default void runFinished(RunResult result) {}

  /** One listener that passes every event to each of {@code listeners}, in order. */
  static RunListener all(RunListener... listeners) {
    List<RunListener> each = List.of(listeners);
    return new RunListener() {
      @Override
      public void runStarted(RunInfo info, int plannedChecks) {
        each.forEach(l -> l.runStarted(info, plannedChecks));
      }

      @Override
      public void waitingOnNetwork() {
        each.forEach(RunListener::waitingOnNetwork);
      }

      @Override
      public void checkFinished(CheckResult result) {
        each.forEach(l -> l.checkFinished(result));
      }

      @Override
      public void runFinished(RunResult result) {
        each.forEach(l -> l.runFinished(result));
      }
    };
  }
}
