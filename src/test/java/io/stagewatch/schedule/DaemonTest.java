package io.stagewatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stagewatch.config.ScheduleConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DaemonTest {
  static final Schedule EVERY_SECOND =
      Schedule.of(
          new ScheduleConfig(
              "default", List.of("*"), null, null, null, Duration.ofSeconds(1), null));

  @Test
  void aRunThatThrowsIsLoggedAndTheNextSlotStillRuns() throws Exception {
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
            Clock.systemUTC(),
            log::add);
    daemon.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> daemon.records().size() >= 2);
    assertThat(daemon.stop(Duration.ofSeconds(2))).isTrue();

    assertThat(daemon.records().get(0).outcome()).isEqualTo(SlotOutcome.BROKEN);
    assertThat(daemon.records().get(1).outcome()).isEqualTo(SlotOutcome.PASSED);
    assertThat(daemon.lastCompleted()).isPresent();
    assertThat(log).anyMatch(line -> line.contains("the store went away"));
  }

  @Test
  void stopLetsTheRunInProgressFinishWithinTheGracePeriod() throws Exception {
    List<String> finished = new CopyOnWriteArrayList<>();
    Daemon daemon =
        new Daemon(
            List.of(EVERY_SECOND),
            (schedule, slot) -> {
              Thread.sleep(700);
              finished.add(schedule.label(slot));
              return SlotOutcome.PASSED;
            },
            Clock.systemUTC(),
            line -> {});
    daemon.start();
    await().atMost(Duration.ofSeconds(3)).until(daemon::running);
    assertThat(daemon.stop(Duration.ofSeconds(5))).isTrue();
    assertThat(finished).isNotEmpty();
    int runs = finished.size();
    Thread.sleep(1200);
    assertThat(finished).hasSize(runs);
  }
}
