package io.stagewatch.schedule;

import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.html.PageTime;
import io.stagewatch.report.html.PageView;
import io.stagewatch.run.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the daemon's endpoints show, read at one moment: the daemon's own health and, per schedule,
 * its series' recent runs.
 *
 * @param series one per schedule, in the order of {@code schedules:}
 * @param readiness the verdict of the staging series ({@code readiness.series}) over {@code
 *     readiness.window}
 * @param storeProblem why the store could not be read (masked); null when it could
 * @param lastCompleted when a slot last completed, here or in a replica
 * @param outboxPending the environment's notices waiting to be delivered
 */
public record DaemonStatus(
    String environment,
    Instant now,
    Instant startedAt,
    @Nullable Instant lastCompleted,
    Duration longestPeriod,
    List<SeriesStatus> series,
    StagingReadiness readiness,
    @Nullable String storeProblem,
    int outboxPending) {

  /** How often the browser reloads the status page. */
  static final int REFRESH_SECONDS = 30;

  public DaemonStatus {
    series = List.copyOf(series);
  }

  /** The status page's view: the verdict, then one section per series, reloaded regularly. */
  public PageView page() {
    List<PageView.Section> sections =
        series.stream()
            .map(s -> new PageView.Section(s.name(), s.lastRun(), null, s.checks()))
            .toList();
    return new PageView(
        environment,
        problem().orElse(null),
        readiness,
        sections,
        REFRESH_SECONDS,
        PageTime.live(now));
  }

  /**
   * Whether the daemon works: the store answers and a run completed within two schedule periods
   * (counted from the start before the first). Red checks do not make the daemon unhealthy.
   */
  public boolean healthy() {
    return storeProblem == null && !overdue();
  }

  /** Why the daemon is unhealthy, in a sentence; empty when it is healthy. */
  public Optional<String> problem() {
    if (storeProblem != null) {
      return Optional.of("the store is unreachable: " + storeProblem);
    }
    if (overdue()) {
      return Optional.of("no run completed within two schedule periods");
    }
    return Optional.empty();
  }

  /** Seconds since the last completed run, or since the start before the first one. */
  public double lastSuccessAgeSeconds() {
    Instant since = lastCompleted == null ? startedAt : lastCompleted;
    return Duration.between(since, now).toMillis() / 1000.0;
  }

  /** The last finished run of each series that has one, for the metrics. */
  public List<RunResult> lastFinishedRuns() {
    return series.stream().flatMap(s -> s.lastFinished().stream()).toList();
  }

  private boolean overdue() {
    if (longestPeriod.isZero()) {
      return false;
    }
    Instant since = lastCompleted == null ? startedAt : lastCompleted;
    return Duration.between(since, now).compareTo(longestPeriod.multipliedBy(2)) > 0;
  }
}
