package io.stagewatch.app;

import io.stagewatch.report.NoticeOutcome;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.RunStatus;
import io.stagewatch.store.RecentRuns;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What became of a {@link RunRequest}. */
public sealed interface RunOutcome {

  /**
   * Another run of the environment holds the run lock; nothing was run.
   *
   * @param reason who holds it, masked
   */
  record Locked(String reason) implements RunOutcome {}

  /** A recent run of the environment carries the request's label; nothing was run. */
  record AlreadyRan(String label) implements RunOutcome {}

  /**
   * The checks ran.
   *
   * @param result every check's result
   * @param store what the store made of the run
   * @param notifications what became of the run's notices, and of earlier ones sent with them
   * @param reports which report files were written
   */
  record Finished(
      RunResult result, Stored store, List<NoticeOutcome> notifications, Reports reports)
      implements RunOutcome {

    public Finished {
      notifications = List.copyOf(notifications);
    }

    /** Whether every check passed (flaky ones too) and the run's infrastructure held. */
    public boolean passed() {
      return result.status() == RunStatus.PASSED;
    }

    /** Whether the store or the reports failed: the run's outcome is not fully kept. */
    public boolean infrastructureFailed() {
      return store.problem() != null || reports.problem() != null;
    }
  }

  /**
   * What the store made of a run.
   *
   * @param used false when the run was made without a store
   * @param problem why the run is not (fully) recorded, masked; null when it is
   * @param recent the run's series as read back after the run; null without a store or after a
   *     problem
   */
  record Stored(boolean used, @Nullable String problem, @Nullable RecentRuns recent) {}

  /**
   * The report files.
   *
   * @param dir where they were written
   * @param written the files written, in the order of the report registry
   * @param problem why they (or some) could not be written; null when all were
   */
  record Reports(Path dir, List<Path> written, @Nullable String problem) {
    public Reports {
      written = List.copyOf(written);
    }
  }
}
