package io.stagewatch.store;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A store being opened, or already open: {@link #await} gives it once it is. Opening a store costs
 * a short run more than its checks' own start (the driver's set-up, its native library, the schema
 * check, the lock's holder), so a run whose lock is already held opens it on a thread of its own
 * while the checks begin; whatever needs the store waits here for it.
 *
 * <p>Most of that cost is CPU, and on a machine of two cores it came out of the first checks' own
 * start (their clients, their first requests). So the opening waits for its cue ({@link #begin}):
 * the first check waiting on the network, a result, or anything that needs the store at once; and
 * at the latest a moment after the run began, for runs whose checks never say.
 */
final class StoreOpening {
  /** The longest an opening waits for its cue. */
  static final Duration LATEST_START = Duration.ofMillis(50);

  private final FutureTask<ResultStore> task;
  private final CompletableFuture<Void> cue;

  private StoreOpening(FutureTask<ResultStore> task, CompletableFuture<Void> cue) {
    this.task = task;
    this.cue = cue;
  }

  /** A store that is open already. */
  static StoreOpening of(ResultStore store) {
    FutureTask<ResultStore> done = new FutureTask<>(() -> store);
    done.run();
    return new StoreOpening(done, CompletableFuture.completedFuture(null));
  }

  /**
   * Starts {@code open} on a thread of its own once {@link #begin} is called, or after {@code
   * latest}.
   */
  static StoreOpening start(Callable<ResultStore> open, Duration latest) {
    CompletableFuture<Void> cue = new CompletableFuture<>();
    FutureTask<ResultStore> task =
        new FutureTask<>(
            () -> {
              awaitCue(cue, latest);
              return open.call();
            });
    Thread.ofPlatform().daemon().name("stagewatch-store-open").start(task);
    return new StoreOpening(task, cue);
  }

  private static void awaitCue(CompletableFuture<Void> cue, Duration latest)
      throws InterruptedException {
    try {
      cue.get(latest.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Time to open all the same.
    }
  }

  /** Lets the opening go ahead now, if it has not yet. */
  void begin() {
    cue.complete(null);
  }

  /**
   * The open store, waiting for the opening to end, in its own time: for work on threads of its own
   * (the run's records, the read-ahead), which does not hurry the opening.
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
