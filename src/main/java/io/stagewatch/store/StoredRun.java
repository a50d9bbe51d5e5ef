package io.stagewatch.store;

import io.stagewatch.run.Counts;
import io.stagewatch.run.Series;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A run as recorded in the store.
 *
 * @param finishedAt null while the run is RUNNING and for ABORTED runs
 * @param runnerVersion the stagewatch version that recorded the run; null for runs recorded before
 *     the store kept it
 * @param series the run's series; null for runs recorded before the store kept series
 */
public record StoredRun(
    String runId,
    String environment,
    @Nullable String project,
    String trigger,
    @Nullable String label,
    Instant startedAt,
    @Nullable Instant finishedAt,
    StoredRunStatus status,
    Counts counts,
    @Nullable String runnerVersion,
    @Nullable Series series) {

  /** How long the run took; null when it did not finish. */
  public @Nullable Duration duration() {
    return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
  }
}
