package io.stagewatch.schedule;

import io.stagewatch.config.ReadinessConfig;
import io.stagewatch.readiness.StagingHistory;
import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.html.CheckState;
import io.stagewatch.report.html.PageView;
import io.stagewatch.store.ResultStore;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.jdbc.JdbcResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The status from the store, which holds every replica's runs. The store is opened once and kept;
 * after a failure it is closed and opened again on the next request, so an outage heals by itself,
 * and meanwhile the last runs read are shown with the problem.
 */
public final class StoreStatus implements StatusSource, AutoCloseable {
  /** How many runs the page, the JSON and the history bars cover. */
  public static final int WINDOW = PageView.HISTORY_RUNS;

  private final String storeUrl;
  private final Path baseDir;
  private final String environment;
  private final ReadinessConfig readiness;
  private final Daemon daemon;
  private final Clock clock;
  private final UnaryOperator<String> mask;
  private @Nullable ResultStore store;
  private List<StoredRun> lastRuns = List.of();
  private List<StoredResult> lastResults = List.of();
  private List<StoredRun> lastReadinessRuns = List.of();
  private int waitingNotices;

  public StoreStatus(
      String storeUrl,
      Path baseDir,
      String environment,
      ReadinessConfig readiness,
      Daemon daemon,
      Clock clock,
      UnaryOperator<String> mask) {
    this.storeUrl = storeUrl;
    this.baseDir = baseDir;
    this.environment = environment;
    this.readiness = readiness;
    this.daemon = daemon;
    this.clock = clock;
    this.mask = mask;
  }

  @Override
  public synchronized DaemonStatus read() {
    String problem = null;
    try {
      ResultStore s = open();
      List<StoredRun> runs = s.lastRuns(environment, WINDOW);
      List<StoredResult> results = s.resultsOfLastRuns(environment, WINDOW);
      // The verdict looks at readiness.window runs, as `stagewatch readiness` does; read more
      // only when the window is longer than the page's.
      List<StoredRun> readinessRuns =
          readiness.window() <= runs.size() || runs.size() < WINDOW
              ? runs.subList(0, Math.min(readiness.window(), runs.size()))
              : s.lastRuns(environment, readiness.window());
      lastRuns = runs;
      lastResults = results;
      lastReadinessRuns = readinessRuns;
      waitingNotices = s.waitingNotices(environment);
    } catch (StoreException | RuntimeException e) {
      // Keep showing what the store said last; the problem makes the daemon unhealthy.
      problem = mask.apply(String.valueOf(e.getMessage()));
      close();
    }
    return new DaemonStatus(
        environment,
        clock.instant(),
        daemon.startedAt(),
        daemon.lastCompleted().orElse(null),
        daemon.longestPeriod(),
        lastRuns,
        lastResults,
        CheckState.of(lastRuns, lastResults),
        StagingReadiness.of(
            StagingHistory.of(environment, lastReadinessRuns),
            readiness.window(),
            readiness.threshold(),
            readiness.stagingGate()),
        problem,
        waitingNotices);
  }

  private ResultStore open() throws StoreException {
    ResultStore s = store;
    if (s == null) {
      s = JdbcResultStore.open(storeUrl, baseDir);
      store = s;
    }
    return s;
  }

  @Override
  public synchronized void close() {
    ResultStore s = store;
    store = null;
    if (s != null) {
      s.close();
    }
  }
}
