package io.stagewatch.report.html;

import io.stagewatch.readiness.StagingReadiness;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the HTML page shows: the environment, a problem to point out, the last run, a line about the
 * environment's recent runs, the staging signal's readiness verdict, and every check's state.
 *
 * @param problem shown in red at the top; null when there is none
 * @param lastRun the run the page is about; null before the first one
 * @param history a sentence about the environment's recent runs; null when none are known
 * @param readiness the verdict of the staging runs in the store; null without a store
 * @param refreshSeconds how often the browser reloads the page; 0 for never
 */
public record PageView(
    String environment,
    @Nullable String problem,
    @Nullable LastRun lastRun,
    @Nullable String history,
    @Nullable StagingReadiness readiness,
    List<CheckState> checks,
    int refreshSeconds) {

  /** How many of the environment's last runs the history bars cover, on every page. */
  public static final int HISTORY_RUNS = 20;

  public PageView {
    checks = List.copyOf(checks);
  }

  /**
   * The run at the top of the page.
   *
   * @param status a run status, such as {@code PASSED}
   * @param passed checks that passed, flaky ones included
   */
  public record LastRun(
      Enum<?> status, Instant startedAt, @Nullable String label, int passed, int total) {}
}
