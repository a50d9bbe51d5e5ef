package io.stagewatch.store;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * A store being opened, or already open: {@link #await} gives it once it is. Opening a store costs
 * a short run more than its checks' own start (the driver's set-up, its native library, the schema
 * check, the lock's holder), so a run whose lock is already held opens it on a thread of its own
 * while the checks begin; whatever needs the store waits here for it.
 */
final class StoreOpening {
  private final FutureTask<ResultStore> task;

  private StoreOpening(FutureTask<ResultStore> task) {
    this.task = task;
  }

  /** A store that is open already. */
  static StoreOpening of(ResultStore store) {
    FutureTask<ResultStore> done = new FutureTask<>(() -> store);
    done.run();
    return new StoreOpening(done);
  }

  /** Starts {@code open} on a thread of its own. */
  static StoreOpening start(Callable<ResultStore> open) {
    FutureTask<ResultStore> task = new FutureTask<>(open);
    Thread.ofPlatform().daemon().name("stagewatch-store-open").start(task);
    return new StoreOpening(task);
  }

  /**
   * The open store, waiting for the opening to end.
   *
   * @throws StoreException why the store could not be opened
   */
  ResultStore await() throws StoreException {
    try {
      return task.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StoreException failed) {
        throw failed;
      }
      throw new StoreException("the store cannot be opened: " + cause, cause == null ? e : cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("the store's opening was interrupted", e);
    }
  }

  /** The open store, waiting for the opening to end; null when it could not be opened. */
  @Nullable ResultStore awaitOrNull() {
    try {
      return await();
    } catch (StoreException e) {
      return null;
    }
  }
}
