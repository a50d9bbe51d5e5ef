package io.stagewatch.store;

import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Percentiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

  private static CheckStats ofCheck(String id, List<StoredResult> rows) {
    List<StoredResult> executed =
        rows.stream().filter(r -> r.status() != CheckStatus.SKIPPED).toList();
    int passed = (int) executed.stream().filter(r -> r.status().isPass()).count();
    int flaky = (int) rows.stream().filter(r -> r.status() == CheckStatus.FLAKY).count();
    Percentiles durations =
        Percentiles.of(executed.stream().map(StoredResult::durationMs).toList());
    StoredResult lastFailure =
        rows.stream()
            .filter(r -> r.status().isFailure())
            .max(Comparator.comparing(StoredResult::recordedAt))
            .orElse(null);
    return new CheckStats(
        id,
        executed.size(),
        passed,
        executed.isEmpty() ? 1.0 : (double) passed / executed.size(),
        flaky,
        durations.isEmpty() ? 0 : durations.at(50),
        durations.isEmpty() ? 0 : durations.at(95),
        lastFailure == null ? null : lastFailure.recordedAt(),
        lastFailure == null ? null : lastFailure.message());
  }
}
