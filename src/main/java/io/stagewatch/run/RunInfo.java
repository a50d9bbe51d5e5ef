package io.stagewatch.run;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a run when it starts.
 *
 * @param series the series the run belongs to: its selection, and the schedule that names it
 */
public record RunInfo(
    String runId,
    @Nullable String project,
    String environment,
    String trigger,
    @Nullable String label,
    Instant startedAt,
    Series series) {

  /** A run of every suite without tags, in a config without a schedule of that selection. */
  public RunInfo(
      String runId,
      @Nullable String project,
      String environment,
      String trigger,
      @Nullable String label,
      Instant startedAt) {
    this(runId, project, environment, trigger, label, startedAt, Series.ALL_ADHOC);
  }
}
