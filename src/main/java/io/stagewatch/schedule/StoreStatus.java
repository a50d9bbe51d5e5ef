package io.stagewatch.schedule;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.stagewatch.config.ReadinessConfig;
import io.stagewatch.readiness.StagingHistory;
import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.html.PageView;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import io.stagewatch.store.ResultStore;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.Uptime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The status from the store, which holds every replica's runs, per schedule's series. The store is
 * opened once and kept; after a failure it is closed and opened again on the next request, so an
 * outage heals by itself, and meanwhile the last runs read are shown with the problem, and the
 * metrics carry the last run of each series this daemon made (from memory).
 */
public final class StoreStatus implements StatusSource, AutoCloseable {
  /** How many runs of a series the page, the JSON and the history bars cover. */
  public static final int WINDOW = PageView.HISTORY_RUNS;

  private final Callable<ResultStore> opener;
  private final String environment;
  private final List<Series> schedules;
  private final List<Series> staging;
  private final ReadinessConfig readiness;
  private final Daemon daemon;
  private final LastRuns memory;
  private final Clock clock;
  private final UnaryOperator<String> mask;
  private @Nullable ResultStore store;
  private final Map<String, SeriesStatus> lastRead = new HashMap<>();
  private StagingHistory lastStaging;
  private int waitingNotices;

  /**
   * @param opener opens the store (it may throw {@link StoreException})
   * @param schedules the schedules' series, in config order
   * @param staging the series of {@code readiness.series}
   * @param memory the last run of each series this daemon made
   */
  public StoreStatus(
      Callable<ResultStore> opener,
      String environment,
      List<Series> schedules,
      List<Series> staging,
      ReadinessConfig readiness,
      Daemon daemon,
      LastRuns memory,
      Clock clock,
      UnaryOperator<String> mask) {
    this.opener = opener;
    this.environment = environment;
    this.schedules = List.copyOf(schedules);
    this.staging = List.copyOf(staging);
    this.readiness = readiness;
    this.daemon = daemon;
    this.memory = memory;
    this.clock = clock;
    this.mask = mask;
    this.lastStaging = new StagingHistory(environment, List.of());
  }

  @Override
  public synchronized DaemonStatus read() {
    String problem = null;
    try {
      ResultStore s = open();
      Map<String, SeriesStatus> read = new HashMap<>();
      for (Series series : schedules) {
        List<StoredRun> runs = s.lastRuns(environment, series, WINDOW);
        List<StoredResult> results = s.resultsOfLastRuns(environment, series, WINDOW);
        read.put(series.name(), new SeriesStatus(series, runs, results, null));
      }
      // The verdict looks at readiness.window runs of each series, as `stagewatch readiness` does.
      lastStaging = StagingHistory.read(s, environment, staging, readiness.window());
      waitingNotices = s.waitingNotices(environment);
      lastRead.clear();
      lastRead.putAll(read);
    } catch (Exception e) {
      // Keep showing what the store said last; the problem makes the daemon unhealthy.
      problem = mask.apply(String.valueOf(e.getMessage()));
      close();
    }
    List<SeriesStatus> series = new ArrayList<>();
    for (Series s : schedules) {
      SeriesStatus stored = lastRead.get(s.name());
      RunResult remembered = memory.last(s).orElse(null);
      series.add(
          stored == null
              ? new SeriesStatus(s, List.of(), List.of(), remembered)
              : new SeriesStatus(s, stored.runs(), stored.results(), remembered));
    }
    return new DaemonStatus(
        environment,
        clock.instant(),
        daemon.startedAt(),
        daemon.lastCompleted().orElse(null),
        daemon.longestPeriod(),
        series,
        StagingReadiness.of(
            lastStaging, readiness.window(), readiness.threshold(), readiness.stagingGate()),
        problem,
        waitingNotices);
  }

  @Override
  public boolean hasSchedule(String schedule) {
    return schedules.stream().anyMatch(s -> s.name().equals(schedule));
  }

  @Override
  public MetricSnapshots counters() {
    return memory.counters().snapshots();
  }

  @Override
  public synchronized Optional<Uptime> uptime(String schedule, Duration window) {
    Optional<Series> series = schedules.stream().filter(s -> s.name().equals(schedule)).findFirst();
    if (series.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(open().uptime(environment, series.get(), clock.instant().minus(window)));
    } catch (Exception e) {
      // The status page and /readyz say why; a badge shows that it does not know.
      close();
      return Optional.empty();
    }
  }

  private ResultStore open() throws Exception {
    ResultStore s = store;
    if (s == null) {
      s = opener.call();
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
