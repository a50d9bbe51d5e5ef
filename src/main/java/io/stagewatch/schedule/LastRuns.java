package io.stagewatch.schedule;

import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last run of each series this daemon finished, kept in memory: so that {@code /metrics} still
 * carries every series' checks while the store cannot be read, and a run the store missed is not
 * lost from the metrics.
 */
public final class LastRuns {
  private final Map<String, RunResult> bySelection = new ConcurrentHashMap<>();

  public void finished(RunResult run) {
    bySelection.put(run.info().series().selection(), run);
  }

  public Optional<RunResult> last(Series series) {
    return Optional.ofNullable(bySelection.get(series.selection()));
  }
}
