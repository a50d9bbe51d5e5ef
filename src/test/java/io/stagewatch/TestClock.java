package io.stagewatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it, so that a test about reminders, retention,
 * slots or lock waits moves time instead of sleeping through it. Safe to read and move from any
 * thread: the daemon's scheduler and a run's checks read it while the test advances it.
 *
 * <pre>{@code
 * TestClock clock = new TestClock();
 * cli.clock(clock).runChecks();            // a run at 2026-11-23T10:00:00Z
 * clock.advance(Duration.ofHours(24));
 * cli.runChecks();                         // the same check, a day later
 * }</pre>
 */
public final class TestClock extends Clock {
  /** Where a test clock starts unless told otherwise: a Monday, on the hour, in UTC. */
  public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

  private final AtomicReference<Instant> now;
  private final AtomicInteger reads = new AtomicInteger();

  public TestClock() {
    this(START);
  }

  public TestClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Moves the clock forward by {@code duration}; every reader sees the new time from now on. */
  public TestClock advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a test clock only moves forward: " + duration);
    }
    now.updateAndGet(t -> t.plus(duration));
    return this;
  }

  /**
   * How often the code under test has read the time: a test waits on it to know that another thread
   * has got as far as looking at the clock (a run waiting for a lock, for instance).
   */
  public int reads() {
    return reads.get();
  }

  @Override
  public Instant instant() {
    reads.incrementAndGet();
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The same time seen in another zone; it moves with this clock. */
  @Override
  public Clock withZone(ZoneId zone) {
    TestClock source = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return source.instant();
      }

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return source.withZone(other);
      }
    };
  }
}
