package io.stagewatch.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Writes records to the store in order on a thread of its own, so that no check waits for the
 * store. Whatever is queued when the thread comes round is written at once, as one batch; after a
 * batch the thread lets records gather for {@link #GATHER} (or until the run ends), so that a run
 * of hundreds of checks costs the store a few transactions, not one per check. A batch that fails
 * stays at the head of the queue and is tried again every {@link #RETRY_PAUSE}: a store that comes
 * back gets everything, so every write must be safe to repeat.
 *
 * <p>{@link #finish} ends the writing: it waits until everything is written, or until an attempt
 * that began after it was called has failed. Every attempt is bounded by the store's own timeouts,
 * so a store that stops answering holds the end of a run for at most two of them.
 *
 * @param <T> the records
 */
final class StoreWriter<T> {
  /** How long the writer waits before trying a failed batch again, while the run goes on. */
  static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  /**
   * How long records gather after a batch is written. Each transaction costs a SQLite store a sync
   * of its log: 200 checks at 20 at a time made about 100 of them, on a thread that the checks need
   * the cores of. A run killed loses at most this much of its results.
   */
  static final Duration GATHER = Duration.ofMillis(250);

  /** Writes one batch, in order; the whole batch may be written again after a failure. */
  interface Batch<T> {
    void write(List<T> records) throws StoreException;
  }

  /**
   * What {@link #finish} left: the records that were not written, and the first failure since the
   * store last took a write (null when time ran out during an attempt that had not failed yet).
   */
  record Unwritten<T>(List<T> records, @Nullable StoreException failure) {}

  private final Batch<T> batch;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<T> queue = new ArrayList<>();
  private @Nullable Thread thread;
  private @Nullable StoreException failure;
  private long attemptsBegun;
  private long lastFailedAttempt;
  private boolean finishing;
  private boolean stopped;

  StoreWriter(Batch<T> batch) {
    this.batch = batch;
  }

  /** Queues a record; never waits for the store. Ignored once the writer has stopped. */
  void submit(T record) {
    lock.lock();
    try {
      if (stopped) {
        return;
      }
      queue.add(record);
      if (thread == null) {
        thread = Thread.ofPlatform().daemon().name("stagewatch-store-writer").start(this::loop);
      }
      // Only an empty queue has the writer waiting for records; waking it for every record (while
      // it lets them gather) cost 2000 checks a wake-up each.
      if (queue.size() == 1) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops taking records and waits until the queue is written, or an attempt that began after this
   * call has failed, or {@code limit} has passed; then stops the writer.
   */
  Unwritten<T> finish(Duration limit) {
    lock.lock();
    try {
      if (!stopped) {
        finishing = true;
        long lastAttemptBefore = attemptsBegun;
        changed.signalAll();
        long left = limit.toNanos();
        while (!queue.isEmpty() && lastFailedAttempt <= lastAttemptBefore && left > 0) {
          left = changed.awaitNanos(left);
        }
        stopped = true;
        changed.signalAll();
      }
      return new Unwritten<>(List.copyOf(queue), queue.isEmpty() ? null : failure);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      return new Unwritten<>(List.copyOf(queue), failure);
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (true) {
      List<T> records;
      long attempt;
      lock.lock();
      try {
        while (queue.isEmpty() && !stopped) {
          changed.awaitUninterruptibly();
        }
        if (stopped) {
          return;
        }
        records = List.copyOf(queue);
        attempt = ++attemptsBegun;
      } finally {
        lock.unlock();
      }
      @Nullable StoreException error = attempt(records);
      lock.lock();
      try {
        if (error == null) {
          queue.subList(0, records.size()).clear();
          failure = null;
          changed.signalAll();
          pause(GATHER);
        } else {
          // The first failure tells why; later ones are often its echo ("connection closed").
          failure = failure == null ? error : failure;
          lastFailedAttempt = attempt;
          changed.signalAll();
          pause(RETRY_PAUSE);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** Waits {@code time}, or less when the run ends; new records do not cut it short. */
  private void pause(Duration time) {
    long until = System.nanoTime() + time.toNanos();
    long left;
    while (!finishing && !stopped && (left = until - System.nanoTime()) > 0) {
      try {
        changed.awaitNanos(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private @Nullable StoreException attempt(List<T> records) {
    try {
      batch.write(records);
      return null;
    } catch (StoreException e) {
      return e;
    } catch (RuntimeException e) {
      // A driver bug must not take the run down with it; it is reported like any store error.
      return new StoreException("the store failed: " + e, e);
    }
  }
}
