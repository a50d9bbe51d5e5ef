package io.stagewatch.app;

import io.stagewatch.config.ConfigLoader;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.readiness.StagingHistory;
import io.stagewatch.run.Series;
import io.stagewatch.store.ResultStore;
import io.stagewatch.store.RunHistory;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoreLocation;
import io.stagewatch.store.jdbc.JdbcResultStore;
import java.time.Clock;

/**
 * A project's store, where every command finds it: the one place a store is opened from a config.
 */
public final class ProjectStore {
  private ProjectStore() {}

  /**
   * Opens the store named by {@code store.url}; a relative SQLite path is in the project folder
   * ({@link ConfigLoader#projectFolder}), so that cron (which starts in $HOME) and a person in the
   * project folder use the same store. The times it records itself (when a result was written) come
   * from {@code clock}.
   */
  public static ResultStore open(StagewatchConfig config, Clock clock) throws StoreException {
    return locate(config, clock).open();
  }

  /** The store named by {@code store.url}, found as {@link #open} finds it, not opened yet. */
  public static StoreLocation locate(StagewatchConfig config, Clock clock) throws StoreException {
    return JdbcResultStore.locate(
        config.store().url(), ConfigLoader.projectFolder(config.file()), clock);
  }

  /**
   * The staging series of the config ({@code readiness.series}, every schedule's by default) over
   * {@code readiness.window}, as the staging component, the gate and the pages judge them.
   */
  public static StagingHistory staging(RunHistory history, StagewatchConfig config)
      throws StoreException {
    return StagingHistory.read(
        history,
        config.environment().name(),
        Series.named(config.schedules(), config.readiness().series()),
        config.readiness().window());
  }
}
