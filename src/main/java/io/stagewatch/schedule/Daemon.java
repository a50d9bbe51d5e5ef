package io.stagewatch.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Fires each schedule's due slot on one scheduler thread, so two runs of this daemon never overlap:
 * a slow run pushes the next slot (see {@link SlotPlan}) instead of running beside it. Nothing a
 * run throws stops the daemon; it is logged and the next slot comes as planned.
 *
 * <pre>{@code
 * Daemon daemon = new Daemon(schedules, runner, Clock.systemUTC(), System.err::println);
 * daemon.start();
 * ...
 * daemon.stop(Duration.ofSeconds(30)); // lets the current run finish
 * }</pre>
 */
public final class Daemon {
  /** The longest the scheduler sleeps, so that a changed clock is noticed soon. */
  static final Duration MAX_SLEEP = Duration.ofSeconds(1);

  /** How many fired slots are kept for the status page and the tests. */
  static final int KEPT_RECORDS = 200;

  private final List<SlotPlan> plans;
  private final SlotRunner runner;
  private final Clock clock;
  private final Consumer<String> log;
  private final Instant startedAt;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final Deque<SlotRecord> records = new ArrayDeque<>();
  private final Thread thread;
  private volatile @Nullable Instant lastCompleted;
  private volatile boolean running;

  /**
   * @param log where the daemon's lines go; the caller masks secrets there
   */
  public Daemon(List<Schedule> schedules, SlotRunner runner, Clock clock, Consumer<String> log) {
    this.runner = runner;
    this.clock = clock;
    this.log = log;
    this.startedAt = clock.instant();
    this.plans = schedules.stream().map(s -> SlotPlan.resuming(s, startedAt)).toList();
    this.thread = new Thread(this::loop, "stagewatch-scheduler");
  }

  public void start() {
    thread.start();
  }

  /**
   * Stops scheduling and waits up to {@code grace} for the run in progress.
   *
   * @return whether the daemon stopped within the grace period
   */
  public boolean stop(Duration grace) throws InterruptedException {
    stopSignal.countDown();
    thread.join(Math.max(1, grace.toMillis()));
    return !thread.isAlive();
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** When a slot last completed (here or in a replica); empty before the first one. */
  public Optional<Instant> lastCompleted() {
    return Optional.ofNullable(lastCompleted);
  }

  /**
   * Whether the scheduler loop runs: started, not stopped, and its thread not ended by an error no
   * slot could catch. It reads nothing else, neither the store nor a target, so it answers at once
   * whatever they do.
   */
  public boolean alive() {
    return thread.isAlive() && stopSignal.getCount() > 0;
  }

  /** Whether a slot's run is in progress. */
  public boolean running() {
    return running;
  }

  /** The longest gap between two slots of any schedule. */
  public Duration longestPeriod() {
    return plans.stream()
        .map(p -> p.schedule().timing().period())
        .max(Comparator.naturalOrder())
        .orElse(Duration.ZERO);
  }

  /** The slots fired so far, oldest first (the last {@value #KEPT_RECORDS}). */
  public List<SlotRecord> records() {
    synchronized (records) {
      return new ArrayList<>(records);
    }
  }

  private void loop() {
    log.accept("scheduling " + plans.size() + (plans.size() == 1 ? " schedule" : " schedules"));
    while (stopSignal.getCount() > 0) {
      for (SlotPlan plan : plans) {
        if (stopSignal.getCount() == 0) {
          break;
        }
        plan.take(clock.instant()).ifPresent(slot -> fire(plan.schedule(), slot));
      }
      idle();
      try {
        stopSignal.await(sleepMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    log.accept("scheduling stopped");
  }

  private long sleepMillis() {
    Instant now = clock.instant();
    long until =
        plans.stream()
            .map(p -> Duration.between(now, p.fireAt()).toMillis())
            .min(Comparator.naturalOrder())
            .orElse(MAX_SLEEP.toMillis());
    return Math.clamp(until, 1, MAX_SLEEP.toMillis());
  }

  private void idle() {
    if (stopSignal.getCount() == 0) {
      return;
    }
    try {
      runner.idle();
    } catch (RuntimeException | LinkageError e) {
      log.accept("between slots: " + e);
    }
  }

  private void fire(Schedule schedule, Instant slot) {
    Instant started = clock.instant();
    SlotOutcome outcome;
    running = true;
    try {
      outcome = runner.run(schedule, slot);
    } catch (Exception | LinkageError e) {
      // A failing store, target or report must not end the daemon: log it, try the next slot.
      log.accept(schedule.label(slot) + ": the run broke: " + e);
      outcome = SlotOutcome.BROKEN;
    } finally {
      running = false;
    }
    Instant finished = clock.instant();
    if (outcome.completed()) {
      lastCompleted = finished;
    }
    log.accept(schedule.label(slot) + ": " + outcome);
    synchronized (records) {
      records.addLast(new SlotRecord(schedule.name(), slot, started, finished, outcome));
      while (records.size() > KEPT_RECORDS) {
        records.removeFirst();
      }
    }
  }
}
