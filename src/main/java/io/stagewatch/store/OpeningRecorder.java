package io.stagewatch.store;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import java.util.List;
import java.util.Map;

/**
 * Records into a store once it is open: each write waits for the opening to end. A store that could
 * not be opened records nothing, and says nothing here: the session names the opening's failure as
 * the run's store problem.
 */
final class OpeningRecorder implements RunRecorder {
  private final StoreOpening opening;

  OpeningRecorder(StoreOpening opening) {
    this.opening = opening;
  }

  /** A write into the open store. */
  private interface Write {
    void into(RunRecorder store) throws StoreException;
  }

  private void write(Write write) throws StoreException {
    RunRecorder store = opening.awaitOrNull();
    if (store != null) {
      write.into(store);
    }
  }

  @Override
  public void runStarted(RunInfo info, String runnerVersion) throws StoreException {
    write(store -> store.runStarted(info, runnerVersion));
  }

  @Override
  public void checkFinished(String runId, CheckResult result) throws StoreException {
    write(store -> store.checkFinished(runId, result));
  }

  @Override
  public void checksFinished(String runId, List<CheckResult> results) throws StoreException {
    write(store -> store.checksFinished(runId, results));
  }

  @Override
  public void runFinished(RunResult result, AlertUpdate update) throws StoreException {
    write(store -> store.runFinished(result, update));
  }

  @Override
  public Map<String, AlertState> alertStates(String environment) throws StoreException {
    RunRecorder store = opening.awaitOrNull();
    return store == null ? Map.of() : store.alertStates(environment);
  }
}
