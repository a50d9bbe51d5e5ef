package io.stagewatch.report;

import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.RecentRuns;
import io.stagewatch.store.WindowFigures;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every report is rendered from: the run, and what is known once it is over. One value for all
 * reports, so that a report that wants more of it takes it from here rather than from its
 * constructor.
 *
 * @param result the run
 * @param figures the figures of the last {@code readiness.window} runs of the run's series; null
 *     without a store (or when it could not be read)
 * @param recent the last runs of the run's series, this run among them, for history bars; null
 *     without a store
 * @param readiness the staging readiness verdict; null without a store
 * @param notifications what became of the notices sent after the run
 */
public record ReportContext(
    RunResult result,
    @Nullable WindowFigures figures,
    @Nullable RecentRuns recent,
    @Nullable StagingReadiness readiness,
    List<NoticeOutcome> notifications) {

  public ReportContext {
    notifications = List.copyOf(notifications);
  }

  /** The run alone: no store, no notices. */
  public static ReportContext of(RunResult result) {
    return new ReportContext(result, null, null, null, List.of());
  }

  /** The run with what the store and the notices said after it. */
  public static ReportContext of(
      RunResult result,
      @Nullable RecentRuns recent,
      @Nullable StagingReadiness readiness,
      List<NoticeOutcome> notifications) {
    return new ReportContext(
        result, recent == null ? null : recent.figures(), recent, readiness, notifications);
  }
}
