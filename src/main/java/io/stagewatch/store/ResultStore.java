package io.stagewatch.store;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where runs and their results are recorded. Implementations are safe for use from several threads:
 * results arrive from the threads that ran the checks.
 */
public interface ResultStore extends AutoCloseable {

  /** How often a run waiting for the lock asks again. */
  Duration LOCK_POLL_INTERVAL = Duration.ofMillis(200);

  /** Records the run as RUNNING; recording the same run again changes nothing. */
  void runStarted(RunInfo info, String runnerVersion) throws StoreException;

  /**
   * Records one check's result. A check reported again in the same run (a rerun) replaces its
   * earlier result.
   */
  void checkFinished(String runId, CheckResult result) throws StoreException;

  /** Records several checks' results at once, in order, as {@link #checkFinished} would. */
  default void checksFinished(String runId, List<CheckResult> results) throws StoreException {
    for (CheckResult result : results) {
      checkFinished(runId, result);
    }
  }

  /** Records the run's end: its status, counts and every result. */
  default void runFinished(RunResult result) throws StoreException {
    runFinished(result, AlertUpdate.NONE);
  }

  /**
   * Records the run's end together with the alert policy's decision, in one transaction: the new
   * alert states and the notices to send go in with the run, or nothing does. A run whose end is
   * recorded already is left as it is, so that a write retried after its answer was lost does not
   * plan and send the notices twice.
   */
  void runFinished(RunResult result, AlertUpdate update) throws StoreException;

  /** The environment's alert state, by check id. */
  Map<String, AlertState> alertStates(String environment) throws StoreException;

  /**
   * Claims the environment's notices that wait to be sent, oldest first: pending ones, and ones
   * claimed before {@code staleBefore} by a run that died while sending them. Each is claimed with
   * one conditional update, so two runs never both get the same notice.
   */
  List<OutboxNotice> claimNotices(String environment, Instant now, Instant staleBefore)
      throws StoreException;

  /** How many of the environment's notices wait to be delivered (pending or being sent). */
  int waitingNotices(String environment) throws StoreException;

  /**
   * Records what became of a claimed notice: SENT, FAILED, or PENDING again to be retried.
   *
   * @param error why it was not delivered, masked; null when it was
   */
  void settleNotice(String noticeId, NoticeStatus status, @Nullable String error, Instant at)
      throws StoreException;

  /**
   * Marks the environment's RUNNING runs ABORTED, keeping their results. Call it only while holding
   * the environment's run lock: then no RUNNING run is alive.
   *
   * @return how many runs were marked
   */
  int markAbandoned(String environment) throws StoreException;

  /** Deletes the runs (of every environment) that started before {@code cutoff}. */
  int deleteRunsStartedBefore(Instant cutoff) throws StoreException;

  /** The environment's last {@code count} runs, newest first. */
  List<StoredRun> lastRuns(String environment, int count) throws StoreException;

  /** Every result of the environment's last {@code count} runs. */
  List<StoredResult> resultsOfLastRuns(String environment, int count) throws StoreException;

  /** The last {@code count} runs of one series of the environment, newest first. */
  List<StoredRun> lastRuns(String environment, Series series, int count) throws StoreException;

  /** Every result of the last {@code count} runs of one series of the environment. */
  List<StoredResult> resultsOfLastRuns(String environment, Series series, int count)
      throws StoreException;

  /** Takes the environment's run lock if it is free. */
  Optional<RunLock> tryLock(String environment, LockHolder me) throws StoreException;

  /** Who holds the environment's run lock, when that is known. */
  Optional<LockHolder> lockHolder(String environment) throws StoreException;

  /**
   * Takes the environment's run lock, waiting up to {@code wait} for it, as {@code clock} counts
   * time; it asks again every {@link #LOCK_POLL_INTERVAL}.
   *
   * @throws RunLockedException when another run still holds it after {@code wait}
   */
  default RunLock lock(String environment, LockHolder me, Duration wait, Clock clock)
      throws StoreException, RunLockedException {
    Instant deadline = clock.instant().plus(wait);
    while (true) {
      Optional<RunLock> lock = tryLock(environment, me);
      if (lock.isPresent()) {
        return lock.get();
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new RunLockedException(environment, lockHolder(environment).orElse(null));
      }
      try {
        Thread.sleep(LOCK_POLL_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RunLockedException(environment, lockHolder(environment).orElse(null));
      }
    }
  }

  @Override
  void close();
}
