package io.stagewatch.store;

import io.stagewatch.run.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The results of a series' earlier runs, read on a thread of their own while a run goes on, so that
 * reading the window back after the run costs only the run's own results: 2000 checks over 20 runs
 * are 40000 rows, which a short process otherwise reads after its checks, on its critical path. A
 * run that got to its end (or was found aborted) no longer changes, and the run lock keeps the
 * environment's other runs out meanwhile; a run still RUNNING is read at the end like the new one.
 */
final class EarlierResults {
  private final FutureTask<Map<String, List<StoredResult>>> read;

  private EarlierResults(FutureTask<Map<String, List<StoredResult>>> read) {
    this.read = read;
  }

  /**
   * Starts reading the results of the series' last {@code count} runs that no longer change, once
   * the store is open.
   */
  static EarlierResults readAhead(
      StoreOpening opening, String environment, Series series, int count) {
    FutureTask<Map<String, List<StoredResult>>> task =
        new FutureTask<>(
            () -> {
              RunHistory store = opening.await();
              List<String> ended = new ArrayList<>();
              for (StoredRun run : store.lastRuns(environment, series, count)) {
                if (run.status() != StoredRunStatus.RUNNING) {
                  ended.add(run.runId());
                }
              }
              Map<String, List<StoredResult>> byRun = new HashMap<>();
              ended.forEach(id -> byRun.put(id, new ArrayList<>()));
              for (StoredResult result : store.resultsOfRuns(ended)) {
                byRun.computeIfAbsent(result.runId(), id -> new ArrayList<>()).add(result);
              }
              return byRun;
            });
    Thread.ofPlatform().daemon().name("stagewatch-history-read").start(task);
    return new EarlierResults(task);
  }

  /**
   * Every result of {@code runs}, oldest first: from what was read ahead where it holds the run,
   * and from the store for the others. A read ahead that failed leaves them all to the store.
   */
  List<StoredResult> of(RunHistory store, List<StoredRun> runs) throws StoreException {
    Map<String, List<StoredResult>> known = readResults();
    List<StoredResult> results = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    for (StoredRun run : runs) {
      List<StoredResult> read = known.get(run.runId());
      if (read != null) {
        results.addAll(read);
      } else {
        unread.add(run.runId());
      }
    }
    results.addAll(store.resultsOfRuns(unread));
    results.sort(Comparator.comparing(StoredResult::recordedAt));
    return results;
  }

  /** Waits for the read to end, so the store can be closed; what it read is then thrown away. */
  void await() {
    readResults();
  }

  private Map<String, List<StoredResult>> readResults() {
    try {
      return read.get();
    } catch (ExecutionException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    }
  }
}
