package io.stagewatch.store;

import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Percentiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One check over a window of runs.
 *
 * @param executed results that were carried out (not skipped)
 * @param passed results that passed, flaky ones included
 * @param passRate passed over executed, from 0 to 1; 1 when nothing was executed
 * @param p50Ms nearest-rank median duration of the executed results; 0 when none
 * @param lastFailure the latest failure's message, masked when it was stored
 */
public record CheckStats(
    String id,
    int executed,
    int passed,
    double passRate,
    int flaky,
    long p50Ms,
    long p95Ms,
    @Nullable Instant lastFailureAt,
    @Nullable String lastFailure) {

  /** Statistics for every check found in {@code results}, ordered by check id. */
  public static List<CheckStats> of(List<StoredResult> results) {
    Map<String, List<StoredResult>> byCheck = new TreeMap<>();
    for (StoredResult result : results) {
      byCheck.computeIfAbsent(result.checkId(), k -> new ArrayList<>()).add(result);
    }
    List<CheckStats> stats = new ArrayList<>();
    byCheck.forEach((id, rows) -> stats.add(ofCheck(id, rows)));
    return List.copyOf(stats);
  }

  // One pass over the rows, without streams: a page of 2000 checks asks this 2000 times, early in a
  // short process, where four stream pipelines a check cost a noticeable part of its report time.
  private static CheckStats ofCheck(String id, List<StoredResult> rows) {
    List<Long> durations = new ArrayList<>(rows.size());
    int passed = 0;
    int flaky = 0;
    StoredResult lastFailure = null;
    for (StoredResult r : rows) {
      CheckStatus status = r.status();
      if (status == CheckStatus.FLAKY) {
        flaky++;
      }
      if (status == CheckStatus.SKIPPED) {
        continue;
      }
      durations.add(r.durationMs());
      if (status.isPass()) {
        passed++;
      }
      // The latest failure; of two at the same instant, the first in the list, as before.
      if (status.isFailure()
          && (lastFailure == null || r.recordedAt().isAfter(lastFailure.recordedAt()))) {
        lastFailure = r;
      }
    }
    int executed = durations.size();
    Percentiles percentiles = Percentiles.of(durations);
    return new CheckStats(
        id,
        executed,
        passed,
        executed == 0 ? 1.0 : (double) passed / executed,
        flaky,
        percentiles.isEmpty() ? 0 : percentiles.at(50),
        percentiles.isEmpty() ? 0 : percentiles.at(95),
        lastFailure == null ? null : lastFailure.recordedAt(),
        lastFailure == null ? null : lastFailure.message());
  }
}
