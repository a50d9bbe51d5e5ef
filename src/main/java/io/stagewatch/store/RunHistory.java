package io.stagewatch.store;

import io.stagewatch.run.Series;
import java.time.Instant;
import java.util.List;

/**
 * The recorded runs, read back: for {@code history}, the readiness score, the reports' figures and
 * the daemon's status page. Runs are read per environment, and per series where a signal is about
 * one selection.
 */
public interface RunHistory {

  /** The environment's last {@code count} runs, newest first. */
  List<StoredRun> lastRuns(String environment, int count) throws StoreException;

  /** Every result of the environment's last {@code count} runs. */
  List<StoredResult> resultsOfLastRuns(String environment, int count) throws StoreException;

  /** The last {@code count} runs of one series of the environment, newest first. */
  List<StoredRun> lastRuns(String environment, Series series, int count) throws StoreException;

  /** Every result of the last {@code count} runs of one series of the environment. */
  List<StoredResult> resultsOfLastRuns(String environment, Series series, int count)
      throws StoreException;

  /** Every result of the runs with these ids, oldest first. */
  List<StoredResult> resultsOfRuns(List<String> runIds) throws StoreException;

  /** How the runs of one series that started at or after {@code since} fared. */
  Uptime uptime(String environment, Series series, Instant since) throws StoreException;
}
