package io.stagewatch.store;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunListener;
import io.stagewatch.run.RunResult;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Records a run in the store as its events arrive. A store failure must not stop the checks: the
 * first error is remembered, later writes are skipped (an unreachable database would otherwise make
 * every check wait for its connection timeout), and the caller reports the error after the run.
 */
public final class StoreListener implements RunListener {
  private final ResultStore store;
  private final String runnerVersion;
  private final @Nullable AlertPlanner planner;
  private final AtomicReference<@Nullable StoreException> error = new AtomicReference<>();
  private volatile @Nullable String runId;

  /**
   * @param planner decides the notices to write with the run's end; null when nothing is sent
   */
  public StoreListener(ResultStore store, String runnerVersion, @Nullable AlertPlanner planner) {
    this.store = store;
    this.runnerVersion = runnerVersion;
    this.planner = planner;
  }

  /** The first store error of the run, if any. */
  public Optional<StoreException> error() {
    return Optional.ofNullable(error.get());
  }

  @Override
  public void runStarted(RunInfo info, int plannedChecks) {
    if (plannedChecks == 0) {
      // Nothing matched the selection: a usage error, not a run worth remembering.
      return;
    }
    runId = info.runId();
    write(() -> store.runStarted(info, runnerVersion));
  }

  @Override
  public void checkFinished(CheckResult result) {
    String id = runId;
    if (id != null) {
      write(() -> store.checkFinished(id, result));
    }
  }

  @Override
  public void runFinished(RunResult result) {
    if (runId == null) {
      return;
    }
    write(() -> store.runFinished(result, plan(result)));
  }

  private AlertUpdate plan(RunResult result) throws StoreException {
    AlertPlanner p = planner;
    if (p == null) {
      return AlertUpdate.NONE;
    }
    return p.plan(result, store.alertStates(result.info().environment()));
  }

  private interface Write {
    void run() throws StoreException;
  }

  private void write(Write write) {
    if (error.get() != null) {
      return;
    }
    try {
      write.run();
    } catch (StoreException e) {
      error.compareAndSet(null, e);
    } catch (RuntimeException e) {
      // A driver bug must not take the run down with it; it is reported like any store error.
      error.compareAndSet(null, new StoreException("the store failed: " + e, e));
    }
  }
}
