package io.stagewatch.store;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import java.util.List;
import java.util.Map;

/**
 * The store's recording of runs as they happen: the start, each check's result, and the end with
 * the alert policy's decision. The alert state is read here, not with the outbox, because it is
 * what that decision starts from and only a run's end changes it. Every write is safe to repeat:
 * {@link StoreListener} tries a failed one again. Safe for use from several threads.
 */
public interface RunRecorder {

  /** Records the run as RUNNING; recording the same run again changes nothing. */
  void runStarted(RunInfo info, String runnerVersion) throws StoreException;

  /**
   * Records one check's result. A check reported again in the same run (a rerun) replaces its
   * earlier result.
   */
  void checkFinished(String runId, CheckResult result) throws StoreException;

  /** Records several checks' results at once, in order, as {@link #checkFinished} would. */
  default void checksFinished(String runId, List<CheckResult> results) throws StoreException {
    for (CheckResult result : results) {
      checkFinished(runId, result);
    }
  }

  /** Records the run's end: its status, counts and every result. */
  default void runFinished(RunResult result) throws StoreException {
    runFinished(result, AlertUpdate.NONE);
  }

  /**
   * Records the run's end together with the alert policy's decision, in one transaction: the new
   * alert states and the notices to send go in with the run, or nothing does. A run whose end is
   * recorded already is left as it is, so that a write retried after its answer was lost does not
   * plan and send the notices twice.
   */
  void runFinished(RunResult result, AlertUpdate update) throws StoreException;

  /** The environment's alert state, by check id, as the last recorded run's end left it. */
  Map<String, AlertState> alertStates(String environment) throws StoreException;
}
