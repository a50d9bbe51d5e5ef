package io.stagewatch.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The environments' run locks: one run of an environment at a time, across processes and hosts that
 * share the store. Holding the lock also means no other run of the environment is alive, which is
 * when runs left RUNNING by a killed process can be marked ABORTED.
 */
public interface RunLocks {

  /** How often a run waiting for the lock asks again. */
  Duration LOCK_POLL_INTERVAL = Duration.ofMillis(200);

  /** Takes the environment's run lock if it is free. */
  Optional<RunLock> tryLock(String environment, LockHolder me) throws StoreException;

  /**
   * Records {@code me} as the holder of the environment's run lock, taken before the store was
   * opened ({@link StoreLocation#tryLockFirst}); {@link #tryLock} records its holder itself.
   */
  void recordHolder(String environment, LockHolder me) throws StoreException;

  /** Who holds the environment's run lock, when that is known. */
  Optional<LockHolder> lockHolder(String environment) throws StoreException;

  /**
   * Takes the environment's run lock, waiting up to {@code wait} for it.
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

  /**
   * Marks the environment's RUNNING runs ABORTED, keeping their results. Call it only while holding
   * the environment's run lock: then no RUNNING run is alive.
   *
   * @return how many runs were marked
   */
  int markAbandoned(String environment) throws StoreException;
}
