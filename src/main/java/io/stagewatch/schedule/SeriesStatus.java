package io.stagewatch.schedule;

import io.stagewatch.report.html.CheckState;
import io.stagewatch.report.html.PageView;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One schedule's series as the daemon shows it: its recent runs from the store and, when it is
 * newer or the store cannot be read, the last run this daemon made of it, kept in memory.
 *
 * @param runs the series' recent runs from the store, newest first; empty when unreadable
 * @param results every result of those runs
 * @param remembered the last run of the series this daemon finished; null before the first
 */
public record SeriesStatus(
    Series series,
    List<StoredRun> runs,
    List<StoredResult> results,
    @Nullable RunResult remembered) {

  public SeriesStatus {
    runs = List.copyOf(runs);
    results = List.copyOf(results);
  }

  /** The series' name: the schedule's. */
  public String name() {
    return series.name();
  }

  /**
   * The checks of the series' selection: those of its newest run that recorded any, each with its
   * history over the recent runs. A check no longer in the selection is no longer shown.
   */
  public List<CheckState> checks() {
    // A finished run, when there is one: a run in progress has recorded only some of its checks.
    Optional<StoredRun> newest =
        runs.stream()
            .filter(r -> r.finishedAt() != null && recorded(r))
            .findFirst()
            .or(() -> runs.stream().filter(this::recorded).findFirst());
    if (newest.isEmpty()) {
      RunResult last = remembered;
      return last == null ? List.of() : CheckState.of(last);
    }
    Set<String> current =
        results.stream()
            .filter(r -> r.runId().equals(newest.get().runId()))
            .map(StoredResult::checkId)
            .collect(Collectors.toSet());
    List<CheckState> states =
        CheckState.of(runs, results).stream().filter(c -> current.contains(c.id())).toList();
    RunResult last = remembered;
    return last != null && last.info().runId().equals(newest.get().runId())
        ? CheckState.markDegraded(states, last)
        : states;
  }

  private boolean recorded(StoredRun run) {
    return results.stream().anyMatch(r -> r.runId().equals(run.runId()));
  }

  /** The newest run, as the page's section heads it; null before the first. */
  public PageView.@Nullable LastRun lastRun() {
    if (runs.isEmpty()) {
      RunResult last = remembered;
      return last == null
          ? null
          : new PageView.LastRun(
              last.status(),
              last.info().startedAt(),
              last.info().label(),
              last.counts().passed() + last.counts().flaky(),
              last.counts().total());
    }
    StoredRun run = runs.get(0);
    return new PageView.LastRun(
        run.status(),
        run.startedAt(),
        run.label(),
        run.counts().passed() + run.counts().flaky(),
        run.counts().total());
  }

  /**
   * The last finished run, for the metrics: the store's, or the one in memory when that is the same
   * run or newer (the store missed it) or the store could not be read.
   */
  public Optional<RunResult> lastFinished() {
    Optional<RunResult> stored =
        runs.stream().filter(r -> r.finishedAt() != null).findFirst().map(this::asResult);
    RunResult memory = remembered;
    if (memory == null) {
      return stored;
    }
    // The run in memory is the better copy of the same run: it knows what the store does not keep
    // (certificate expiries).
    if (stored.isEmpty()
        || stored.get().info().runId().equals(memory.info().runId())
        || stored.get().finishedAt().isBefore(memory.finishedAt())) {
      return Optional.of(memory);
    }
    return stored;
  }

  private RunResult asResult(StoredRun run) {
    List<CheckResult> checks =
        results.stream()
            .filter(r -> r.runId().equals(run.runId()))
            .map(SeriesStatus::checkResult)
            .toList();
    RunInfo info =
        new RunInfo(
            run.runId(),
            run.project(),
            run.environment(),
            run.trigger(),
            run.label(),
            run.startedAt(),
            series);
    return new RunResult(info, Objects.requireNonNull(run.finishedAt()), checks);
  }

  /** A stored result as the run reported it; ids are {@code <suite>/<name>}. */
  private static CheckResult checkResult(StoredResult r) {
    int slash = r.checkId().indexOf('/');
    String suite = slash < 0 ? "" : r.checkId().substring(0, slash);
    String name = r.checkId().substring(slash + 1);
    return new CheckResult(
        r.checkId(),
        suite,
        name,
        List.of(),
        r.status(),
        r.attempts(),
        r.durationMs(),
        r.message(),
        List.of(),
        r.silenceReason(),
        r.degraded(),
        null);
  }
}
