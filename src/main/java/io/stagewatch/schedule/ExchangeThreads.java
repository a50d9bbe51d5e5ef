package io.stagewatch.schedule;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Where the JDK's HTTP server runs each exchange: a virtual thread of its own, so that a client
 * that is slow to send its request holds only its own thread, never another client's answer, and a
 * deadline on the parts of the exchange that wait for the client.
 *
 * <p>The JDK server hands an exchange to its executor as soon as the first bytes arrive, and reads
 * the request line and headers in that task, from a channel in blocking mode (its {@code
 * sun.net.httpserver.ServerImpl.Exchange}); without an executor of its own that task runs on the
 * server's one dispatcher thread, and with a small pool a few stalled clients take every thread. A
 * thread per exchange keeps answering, but alone it lets stalled requests pile up for ever. The JDK
 * server's own limit on that read, the system property {@code sun.net.httpserver.maxReqTime}, is
 * read once per JVM when the server class loads, so it cannot be set for one server. Instead, an
 * exchange whose request has not arrived whole within the deadline has its thread interrupted,
 * which closes the channel (a channel read is interruptible) and ends the exchange. The handler
 * disarms the deadline while it works out its answer, which may read the store, and arms it again
 * while the answer is written, since a client may also stop reading.
 *
 * <p>A connection that sends nothing at all holds no thread; the JDK server closes it after its
 * idle interval ({@code sun.net.httpserver.idleInterval}, 30 s).
 */
final class ExchangeThreads implements Executor, AutoCloseable {
  private static final ThreadLocal<@Nullable Deadline> CURRENT = new ThreadLocal<>();

  private final Duration deadline;
  private final ThreadFactory threads = Thread.ofVirtual().name("stagewatch-http").factory();
  private final ScheduledThreadPoolExecutor timer =
      new ScheduledThreadPoolExecutor(
          1, Thread.ofPlatform().name("stagewatch-http-deadlines").daemon().factory());

  /** Exchanges get {@code deadline} to send their request, and again to take their answer. */
  ExchangeThreads(Duration deadline) {
    this.deadline = deadline;
    // Most deadlines are disarmed long before they pass; they need not wait in the queue.
    timer.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void execute(Runnable exchange) {
    threads
        .newThread(
            () -> {
              Deadline d = new Deadline(Thread.currentThread());
              CURRENT.set(d);
              d.arm();
              try {
                exchange.run();
              } finally {
                d.disarm();
                CURRENT.remove();
              }
            })
        .start();
  }

  /**
   * Stops the deadline of the current exchange while its handler works out the answer.
   *
   * @return false when the deadline has already passed: the exchange is being cut off
   */
  static boolean pause() {
    Deadline d = CURRENT.get();
    return d == null || d.disarm();
  }

  /** Starts the deadline of the current exchange again, for writing its answer. */
  static void resume() {
    Deadline d = CURRENT.get();
    if (d != null) {
      d.arm();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** One exchange's deadline, armed while the exchange waits on its client; used by its thread. */
  private final class Deadline {
    private final Thread thread;
    private @Nullable Arming armed;

    Deadline(Thread thread) {
      this.thread = thread;
    }

    void arm() {
      Arming a = new Arming(thread);
      try {
        a.timeout = timer.schedule(a::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
        armed = a;
      } catch (RejectedExecutionException e) {
        // The server is closing and ends its connections itself.
      }
    }

    /** Returns false when the deadline passed first. */
    boolean disarm() {
      Arming a = armed;
      armed = null;
      return a == null || a.disarm();
    }
  }

  /**
   * One stretch of an exchange under its deadline. Expiring and disarming race; whichever comes
   * first wins, so a thread is never interrupted once its handler has been told it may go on.
   */
  private static final class Arming {
    private static final int ARMED = 0;
    private static final int DISARMED = 1;
    private static final int EXPIRED = 2;

    private final Thread thread;
    private final AtomicInteger state = new AtomicInteger(ARMED);
    private volatile @Nullable ScheduledFuture<?> timeout;

    Arming(Thread thread) {
      this.thread = thread;
    }

    void expire() {
      if (state.compareAndSet(ARMED, EXPIRED)) {
        thread.interrupt();
      }
    }

    boolean disarm() {
      if (!state.compareAndSet(ARMED, DISARMED)) {
        return false;
      }
      ScheduledFuture<?> t = timeout;
      if (t != null) {
        t.cancel(false);
      }
      return true;
    }
  }
}
