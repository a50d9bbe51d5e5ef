package io.stagewatch.schedule;

import io.stagewatch.report.html.CheckState;
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
  public static final int WINDOW = 20;

  private final String storeUrl;
  private final Path baseDir;
  private final String environment;
  private final Daemon daemon;
  private final Clock clock;
  private final UnaryOperator<String> mask;
  private @Nullable ResultStore store;
  private List<StoredRun> lastRuns = List.of();
  private List<StoredResult> lastResults = List.of();
  private int waitingNotices;

  public StoreStatus(
      String storeUrl,
      Path baseDir,
      String environment,
      Daemon daemon,
      Clock clock,
      UnaryOperator<String> mask) {
    this.storeUrl = storeUrl;
    this.baseDir = baseDir;
    this.environment = environment;
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
      lastRuns = runs;
      lastResults = results;
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
