package io.stagewatch.schedule;

import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.html.CheckState;
import io.stagewatch.report.html.PageView;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the daemon's endpoints show, read at one moment: the daemon's own health and the
 * environment's recent runs from the store.
 *
 * @param runs the environment's recent runs, newest first; empty when the store is unreachable
 * @param results every result of those runs
 * @param checks the checks' states over those runs
 * @param readiness the verdict of the staging runs over {@code readiness.window}
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
    List<StoredRun> runs,
    List<StoredResult> results,
    List<CheckState> checks,
    StagingReadiness readiness,
    @Nullable String storeProblem,
    int outboxPending) {

  /** How often the browser reloads the status page. */
  static final int REFRESH_SECONDS = 30;

  public DaemonStatus {
    runs = List.copyOf(runs);
    results = List.copyOf(results);
    checks = List.copyOf(checks);
  }

  /** The status page's view: the newest run on top, the window's checks, reloaded regularly. */
  public PageView page() {
    PageView.LastRun last =
        runs.isEmpty()
            ? null
            : new PageView.LastRun(
                runs.get(0).status(),
                runs.get(0).startedAt(),
                runs.get(0).label(),
                runs.get(0).counts().passed() + runs.get(0).counts().flaky(),
                runs.get(0).counts().total());
    return new PageView(
        environment, problem().orElse(null), last, null, readiness, checks, REFRESH_SECONDS);
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

  /** The newest run that finished; the metrics describe it. */
  public Optional<StoredRun> lastFinishedRun() {
    return runs.stream().filter(r -> r.finishedAt() != null).findFirst();
  }

  private boolean overdue() {
    if (longestPeriod.isZero()) {
      return false;
    }
    Instant since = lastCompleted == null ? startedAt : lastCompleted;
    return Duration.between(since, now).compareTo(longestPeriod.multipliedBy(2)) > 0;
  }
}
