package io.stagewatch.schedule;

import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last run of each series this daemon finished, kept in memory: so that {@code /metrics} still
 * carries every series' checks while the store cannot be read, and a run the store missed is not
 * lost from the metrics. It also counts every run since the start ({@link #counters()}).
 */
public final class LastRuns {
  private final Map<String, RunResult> bySelection = new ConcurrentHashMap<>();
  private final DaemonCounters counters = new DaemonCounters();

  public void finished(RunResult run) {
    bySelection.put(run.info().series().selection(), run);
    counters.finished(run);
  }

  /** The daemon's counters: runs, check results and notices since it started. */
  public DaemonCounters counters() {
    return counters;
  }

  public Optional<RunResult> last(Series series) {
    return Optional.ofNullable(bySelection.get(series.selection()));
  }
}
