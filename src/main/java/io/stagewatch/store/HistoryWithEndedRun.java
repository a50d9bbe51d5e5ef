package io.stagewatch.store;

import io.stagewatch.run.Series;
import java.time.Instant;
import java.util.List;

/**
 * The store's runs with a run that just ended in them as it ended, whether or not its end is
 * written yet: the run's last steps (the staging verdict) read the store while its end is being
 * written, and see the run once, finished. {@link #uptime} waits for the writes.
 */
final class HistoryWithEndedRun implements RunHistory {
  private final RunHistory store;
  private final EndedRun ended;
  private final Runnable awaitWritten;

  /**
   * @param awaitWritten waits until the run's records are written (or failed)
   */
  HistoryWithEndedRun(RunHistory store, EndedRun ended, Runnable awaitWritten) {
    this.store = store;
    this.ended = ended;
    this.awaitWritten = awaitWritten;
  }

  @Override
  public List<StoredRun> lastRuns(String environment, int count) throws StoreException {
    return withEnded(
        store.lastRuns(environment, count), environment.equals(ended.run().environment()), count);
  }

  @Override
  public List<StoredRun> lastRuns(String environment, Series series, int count)
      throws StoreException {
    boolean ofIt =
        environment.equals(ended.run().environment()) && series.equals(ended.run().series());
    return withEnded(store.lastRuns(environment, series, count), ofIt, count);
  }

  @Override
  public List<StoredResult> resultsOfLastRuns(String environment, int count) throws StoreException {
    return resultsOf(lastRuns(environment, count));
  }

  @Override
  public List<StoredResult> resultsOfLastRuns(String environment, Series series, int count)
      throws StoreException {
    return resultsOf(lastRuns(environment, series, count));
  }

  @Override
  public List<StoredResult> resultsOfRuns(List<String> runIds) throws StoreException {
    String id = ended.run().runId();
    List<StoredResult> earlier =
        store.resultsOfRuns(runIds.stream().filter(r -> !r.equals(id)).toList());
    return runIds.contains(id) ? ended.after(earlier) : earlier;
  }

  @Override
  public Uptime uptime(String environment, Series series, Instant since) throws StoreException {
    awaitWritten.run();
    return store.uptime(environment, series, since);
  }

  /**
   * The runs read, newest first, with the ended run first in place of its row (when it has one).
   */
  private List<StoredRun> withEnded(List<StoredRun> read, boolean ofIt, int count) {
    return ofIt ? ended.first(read, count) : read;
  }

  private List<StoredResult> resultsOf(List<StoredRun> runs) throws StoreException {
    return resultsOfRuns(runs.stream().map(StoredRun::runId).toList());
  }
}
