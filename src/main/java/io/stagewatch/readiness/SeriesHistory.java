package io.stagewatch.readiness;

import io.stagewatch.run.Series;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.StoredRunStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One series' runs in the readiness window: how many finished, how many of those passed, and the
 * latest finished one, which the staging gate looks at.
 *
 * @param series null for the runs of an environment taken together (no series named)
 */
public record SeriesHistory(
    @Nullable Series series, int finishedRuns, int passedRuns, @Nullable StoredRun latest) {

  /**
   * @param runs the series' last runs, newest first
   */
  public static SeriesHistory of(@Nullable Series series, List<StoredRun> runs) {
    List<StoredRun> finished = runs.stream().filter(r -> r.status().isFinished()).toList();
    int passed = (int) finished.stream().filter(r -> r.status() == StoredRunStatus.PASSED).count();
    return new SeriesHistory(
        series, finished.size(), passed, finished.isEmpty() ? null : finished.get(0));
  }

  public boolean latestFailed() {
    return latest != null && latest.status() == StoredRunStatus.FAILED;
  }

  /** The share of finished runs that passed, 0 to 1; 0 before the first finished run. */
  public double passRate() {
    return finishedRuns == 0 ? 0 : (double) passedRuns / finishedRuns;
  }

  /** {@code smoke}, or {@code adhoc (-t db)}; empty for an environment's runs taken together. */
  public String name() {
    return series == null ? "" : series.describe();
  }
}
