package io.stagewatch.report.history;

import io.stagewatch.store.CheckStats;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of one series over the runs shown: a check run by two series has a row in each, so
 * that one selection's failures never blur another's figures.
 *
 * @param series the series' name (a schedule's, {@code adhoc}), or {@code -} for runs recorded
 *     before runs were kept by series
 */
public record SeriesChecks(String series, List<CheckStats> checks) {
  /** The name shown for runs that belong to no series. */
  public static final String NONE = "-";

  public SeriesChecks {
    checks = List.copyOf(checks);
  }

  /** The checks of each series among {@code runs}, the series in the order of their newest run. */
  public static List<SeriesChecks> of(List<StoredRun> runs, List<StoredResult> results) {
    Map<String, String> seriesOfRun = new HashMap<>();
    Map<String, List<StoredResult>> bySeries = new LinkedHashMap<>();
    for (StoredRun run : runs) {
      String name = name(run);
      seriesOfRun.put(run.runId(), name);
      bySeries.putIfAbsent(name, new ArrayList<>());
    }
    for (StoredResult result : results) {
      String name = seriesOfRun.get(result.runId());
      if (name != null) {
        bySeries.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
      }
    }
    List<SeriesChecks> all = new ArrayList<>();
    bySeries.forEach((name, rows) -> all.add(new SeriesChecks(name, CheckStats.of(rows))));
    return all;
  }

  /** A run's series as people read it: {@code smoke}, {@code adhoc (-t db)}, or {@code -}. */
  public static String name(StoredRun run) {
    return run.series() == null ? NONE : run.series().describe();
  }
}
