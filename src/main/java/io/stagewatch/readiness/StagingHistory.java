package io.stagewatch.readiness;

import io.stagewatch.run.Series;
import io.stagewatch.store.RunHistory;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoredRun;
import io.stagewatch.text.PassRate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The staging smoke runs in the store, per series (see {@code readiness.series}): the staging
 * component is the lowest pass rate among the series (runs passed over finished runs among each
 * series' last {@code readiness.window} runs, the {@code passRate} of its {@code signal.json}), and
 * the staging gate holds only when the latest finished run of every series passed. One series
 * failing cannot be averaged away by another that passes, and a run of one series never changes
 * another's figures, so the same runs give the same answer whichever finished last.
 *
 * @param series the series looked at, in the order of {@code readiness.series}
 */
public record StagingHistory(String environment, List<SeriesHistory> series) {

  public StagingHistory {
    series = List.copyOf(series);
  }

  /**
   * The environment's runs taken together, as one series.
   *
   * @param runs the environment's last runs, newest first
   */
  public static StagingHistory of(String environment, List<StoredRun> runs) {
    return new StagingHistory(environment, List.of(SeriesHistory.of(null, runs)));
  }

  /**
   * Reads the staging series from the store: each of {@code series} over its last {@code window}
   * runs; with none named (a config without schedules), every series among the environment's last
   * {@code window} runs.
   */
  public static StagingHistory read(
      RunHistory store, String environment, List<Series> series, int window) throws StoreException {
    if (series.isEmpty()) {
      Map<@Nullable Series, List<StoredRun>> bySeries = new LinkedHashMap<>();
      for (StoredRun run : store.lastRuns(environment, window)) {
        bySeries.computeIfAbsent(run.series(), k -> new ArrayList<>()).add(run);
      }
      List<SeriesHistory> histories = new ArrayList<>();
      bySeries.forEach((s, runs) -> histories.add(SeriesHistory.of(s, runs)));
      return new StagingHistory(environment, histories);
    }
    List<SeriesHistory> histories = new ArrayList<>();
    for (Series s : series) {
      histories.add(SeriesHistory.of(s, store.lastRuns(environment, s, window)));
    }
    return new StagingHistory(environment, histories);
  }

  /** The series with finished runs whose pass rate is lowest; empty before any finished run. */
  public Optional<SeriesHistory> lowest() {
    return series.stream()
        .filter(s -> s.finishedRuns() > 0)
        .min(Comparator.comparingDouble(SeriesHistory::passRate));
  }

  /** The series whose latest finished run failed, in order. */
  public List<SeriesHistory> latestFailures() {
    return series.stream().filter(SeriesHistory::latestFailed).toList();
  }

  /** The series that have no finished run in the window yet. */
  public List<SeriesHistory> withoutRuns() {
    return series.stream().filter(s -> s.finishedRuns() == 0).toList();
  }

  /** The latest finished run of any series; null before the first. */
  public @Nullable StoredRun latest() {
    return series.stream()
        .map(SeriesHistory::latest)
        .filter(r -> r != null)
        .max(Comparator.comparing(StoredRun::startedAt))
        .orElse(null);
  }

  public boolean latestFailed() {
    return !latestFailures().isEmpty();
  }

  public ComponentInput input() {
    Optional<SeriesHistory> lowest = lowest();
    if (lowest.isEmpty()) {
      return ComponentInput.missing(
          Component.STAGING, "no finished run of " + describe() + " in the store");
    }
    SeriesHistory s = lowest.get();
    String detail = s.passedRuns() + "/" + s.finishedRuns() + " runs of " + of(s) + " passed";
    if (series.size() > 1) {
      detail += " (the lowest of " + series.size() + " series)";
    }
    return new ComponentInput(
        Component.STAGING,
        "store",
        Double.valueOf(PassRate.percent(s.passedRuns(), s.finishedRuns())),
        detail);
  }

  /** {@code staging}, {@code staging smoke}, or {@code staging smoke, db}. */
  public String describe() {
    List<String> names =
        series.stream().map(SeriesHistory::name).filter(n -> !n.isEmpty()).toList();
    return names.isEmpty() ? environment : environment + " " + String.join(", ", names);
  }

  /** One series as a sentence names it: {@code staging smoke}. */
  public String of(SeriesHistory s) {
    return s.name().isEmpty() ? environment : environment + " " + s.name();
  }
}
