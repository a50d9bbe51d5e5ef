package io.stagewatch.readiness;

import io.stagewatch.report.PassRate;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.StoredRunStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The staging smoke runs in the store: the same pass rate as {@code signal.json} (runs passed over
 * finished runs among the environment's last {@code readiness.window} runs) and the latest finished
 * run, which the staging gate looks at.
 */
public record StagingHistory(
    String environment, int finishedRuns, int passedRuns, @Nullable StoredRun latest) {

  /**
   * @param runs the environment's last runs, newest first
   */
  public static StagingHistory of(String environment, List<StoredRun> runs) {
    List<StoredRun> finished = runs.stream().filter(r -> r.status().isFinished()).toList();
    int passed = (int) finished.stream().filter(r -> r.status() == StoredRunStatus.PASSED).count();
    return new StagingHistory(
        environment, finished.size(), passed, finished.isEmpty() ? null : finished.get(0));
  }

  public boolean latestFailed() {
    return latest != null && latest.status() == StoredRunStatus.FAILED;
  }

  public ComponentInput input() {
    if (finishedRuns == 0) {
      return ComponentInput.missing(
          Component.STAGING, "no finished run of " + environment + " in the store");
    }
    return new ComponentInput(
        Component.STAGING,
        "store",
        Double.valueOf(PassRate.percent(passedRuns, finishedRuns)),
        passedRuns + "/" + finishedRuns + " runs of " + environment + " passed");
  }
}
