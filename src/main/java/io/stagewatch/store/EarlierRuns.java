package io.stagewatch.store;

import io.stagewatch.run.Series;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * A series' earlier runs and their results, read on a thread of their own while a run goes on, so
 * that the window after the run is these and the run itself as it ended, with nothing read on the
 * run's critical path: 2000 checks over 20 runs are 40000 rows. A run that got to its end (or was
 * found aborted) no longer changes, and the run lock keeps the environment's other runs out
 * meanwhile: the one run still RUNNING is the new one.
 */
final class EarlierRuns {
  /** The runs read, newest first, and their results, oldest first as the store gives them. */
  private record Read(List<StoredRun> runs, List<StoredResult> results) {}

  private final FutureTask<Read> read;

  private EarlierRuns(FutureTask<Read> read) {
    this.read = read;
  }

  /**
   * Starts reading the series' last {@code count} runs that no longer change, and their results,
   * once the store is open.
   */
  static EarlierRuns readAhead(StoreOpening opening, String environment, Series series, int count) {
    FutureTask<Read> task =
        new FutureTask<>(
            () -> {
              RunHistory store = opening.await();
              List<StoredRun> ended = new ArrayList<>();
              for (StoredRun run : store.lastRuns(environment, series, count)) {
                if (run.status() != StoredRunStatus.RUNNING) {
                  ended.add(run);
                }
              }
              List<String> ids = ended.stream().map(StoredRun::runId).toList();
              return new Read(ended, store.resultsOfRuns(ids));
            });
    Thread.ofPlatform().daemon().name("stagewatch-history-read").start(task);
    return new EarlierRuns(task);
  }

  /**
   * The window after {@code ended}: the series' last {@code count} runs, {@code ended} first, with
   * every result of them, oldest first. Empty when the read failed.
   *
   * @param window the runs the figures cover, at most {@code count}
   */
  Optional<RecentRuns> with(EndedRun ended, int window, int count) {
    Read known = readOrNull();
    if (known == null) {
      return Optional.empty();
    }
    List<StoredRun> runs = ended.first(known.runs(), count);
    Set<String> kept = new HashSet<>();
    for (StoredRun run : runs) {
      kept.add(run.runId());
    }
    // The ended run's results are its own; the read ahead has none of it.
    List<StoredResult> earlier = new ArrayList<>(known.results().size());
    for (StoredResult result : known.results()) {
      if (kept.contains(result.runId())) {
        earlier.add(result);
      }
    }
    return Optional.of(new RecentRuns(window, runs, ended.after(earlier)));
  }

  /** Waits for the read to end, so the store can be closed. */
  void await() {
    readOrNull();
  }

  private @Nullable Read readOrNull() {
    try {
      return read.get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
