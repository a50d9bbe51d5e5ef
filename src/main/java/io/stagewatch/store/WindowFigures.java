package io.stagewatch.store;

import io.stagewatch.run.Percentiles;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The health-note figures over an environment's last runs, as {@code summary.md} shows them.
 *
 * @param window how many runs were asked for
 * @param finishedRuns the runs in the window that got to their end (not RUNNING or ABORTED)
 * @param passedRuns the finished runs that passed
 * @param p50RunMs nearest-rank median duration of the finished runs; 0 when none
 * @param flaky checks that were flaky at least once in the window, by id
 * @param slowest the checks with the highest p95 duration, slowest first
 */
public record WindowFigures(
    int window,
    int finishedRuns,
    int passedRuns,
    long p50RunMs,
    long p95RunMs,
    List<CheckStats> flaky,
    List<CheckStats> slowest) {
  /** How many of the slowest checks are shown. */
  public static final int SLOWEST = 5;

  public WindowFigures {
    flaky = List.copyOf(flaky);
    slowest = List.copyOf(slowest);
  }

  public static WindowFigures of(int window, List<StoredRun> runs, List<CheckStats> checks) {
    List<StoredRun> finished = runs.stream().filter(r -> r.status().isFinished()).toList();
    int passed = (int) finished.stream().filter(r -> r.status() == StoredRunStatus.PASSED).count();
    Percentiles durations =
        Percentiles.of(
            finished.stream().map(r -> Objects.requireNonNull(r.duration()).toMillis()).toList());
    return new WindowFigures(
        window,
        finished.size(),
        passed,
        durations.isEmpty() ? 0 : durations.at(50),
        durations.isEmpty() ? 0 : durations.at(95),
        checks.stream().filter(c -> c.flaky() > 0).toList(),
        checks.stream()
            .filter(c -> c.executed() > 0)
            .sorted(Comparator.comparingLong(CheckStats::p95Ms).reversed())
            .limit(SLOWEST)
            .toList());
  }
}
