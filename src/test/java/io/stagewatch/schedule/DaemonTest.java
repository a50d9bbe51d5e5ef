package io.stagewatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stagewatch.TestClock;
import io.stagewatch.config.ScheduleConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DaemonTest {
  static final Schedule EVERY_SECOND =
      Schedule.of(
          new ScheduleConfig(
              "default", List.of("*"), null, null, null, Duration.ofSeconds(1), null));

  @Test
  void aRunThatThrowsIsLoggedAndTheNextSlotStillRuns() throws Exception {
    TestClock clock = new TestClock();
    AtomicInteger calls = new AtomicInteger();
    List<String> log = new CopyOnWriteArrayList<>();
    Daemon daemon =
        new Daemon(
            List.of(EVERY_SECOND),
            (schedule, slot) -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the store went away");
              }
              return SlotOutcome.PASSED;
            },
            clock,
            log::add);
    daemon.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> daemon.records().size() == 1);
    clock.advance(Duration.ofSeconds(1));
    await().atMost(Duration.ofSeconds(5)).until(() -> daemon.records().size() == 2);
    assertThat(daemon.stop(Duration.ofSeconds(2))).isTrue();

    assertThat(daemon.records().get(0).outcome()).isEqualTo(SlotOutcome.BROKEN);
    assertThat(daemon.records().get(1).outcome()).isEqualTo(SlotOutcome.PASSED);
    assertThat(daemon.records().get(1).slot()).isEqualTo(TestClock.START.plusSeconds(1));
    assertThat(daemon.lastCompleted()).contains(TestClock.START.plusSeconds(1));
    assertThat(log).anyMatch(line -> line.contains("the store went away"));
  }

  @Test
  void stopLetsTheRunInProgressFinishWithinTheGracePeriod() throws Exception {
    TestClock clock = new TestClock();
    CountDownLatch runEnds = new CountDownLatch(1);
    List<String> finished = new CopyOnWriteArrayList<>();
    Daemon daemon =
        new Daemon(
            List.of(EVERY_SECOND),
            (schedule, slot) -> {
              runEnds.await();
              finished.add(schedule.label(slot));
              return SlotOutcome.PASSED;
            },
            clock,
            line -> {});
    daemon.start();
    await().atMost(Duration.ofSeconds(3)).until(daemon::running);
    CompletableFuture<Boolean> stopping =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return daemon.stop(Duration.ofSeconds(5));
              } catch (InterruptedException e) {
                throw new CompletionException(e);
              }
            });
    // Told to stop while its run goes on: it schedules nothing more and waits for that run.
    await().atMost(Duration.ofSeconds(3)).until(() -> !daemon.alive());
    assertThat(stopping).isNotDone();

    runEnds.countDown();

    // True: the scheduler thread has ended, so no slot can follow the one that was running.
    assertThat(stopping.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(finished).hasSize(1);
    assertThat(daemon.records())
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(SlotOutcome.PASSED));
  }
}
