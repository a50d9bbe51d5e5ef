package io.stagewatch.store;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A run that just ended, as the store records it: its row and its results, with times to the
 * millisecond as the store keeps them, for the window to show it before its end is written.
 *
 * @param results its results, each recorded when the run's end is (its write records them all
 *     again)
 */
record EndedRun(StoredRun run, List<StoredResult> results) {
  EndedRun {
    results = List.copyOf(results);
  }

  /**
   * @param recordedAt when the run's end is recorded, by the clock the store records it with
   */
  static EndedRun of(RunResult result, String runnerVersion, Instant recordedAt) {
    RunInfo info = result.info();
    Instant finishedAt = millis(result.finishedAt());
    StoredRun run =
        new StoredRun(
            info.runId(),
            info.environment(),
            info.project(),
            info.trigger(),
            info.label(),
            millis(info.startedAt()),
            finishedAt,
            StoredRunStatus.valueOf(result.status().name()),
            result.counts(),
            runnerVersion,
            info.series());
    List<StoredResult> results = new ArrayList<>();
    for (CheckResult check : result.checks()) {
      results.add(
          new StoredResult(
              info.runId(),
              check.id(),
              check.status(),
              check.attempts(),
              check.durationMs(),
              check.message(),
              millis(recordedAt),
              check.silenceReason(),
              check.degraded()));
    }
    return new EndedRun(run, results);
  }

  /**
   * The last {@code count} runs with this one among them: this run first (newest), then {@code
   * earlier} (newest first) without its row, if they hold one.
   */
  List<StoredRun> first(List<StoredRun> earlier, int count) {
    List<StoredRun> runs = new ArrayList<>();
    if (count <= 0) {
      return runs;
    }
    runs.add(run);
    for (StoredRun other : earlier) {
      if (runs.size() >= count) {
        break;
      }
      if (!other.runId().equals(run.runId())) {
        runs.add(other);
      }
    }
    return runs;
  }

  /**
   * {@code earlier}, oldest first as the store gives results, with this run's own after them: the
   * store's own answer once the run's end is written. They are sorted again only when a clock set
   * back made an earlier result newer than this run's end.
   */
  List<StoredResult> after(List<StoredResult> earlier) {
    List<StoredResult> all = new ArrayList<>(earlier.size() + results.size());
    all.addAll(earlier);
    all.addAll(results);
    if (!earlier.isEmpty()
        && !results.isEmpty()
        && earlier.get(earlier.size() - 1).recordedAt().isAfter(results.get(0).recordedAt())) {
      all.sort(Comparator.comparing(StoredResult::recordedAt));
    }
    return all;
  }

  private static Instant millis(Instant time) {
    return time.truncatedTo(ChronoUnit.MILLIS);
  }
}
