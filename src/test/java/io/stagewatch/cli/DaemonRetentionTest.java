package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stagewatch.TestClock;
import io.stagewatch.app.ScheduledRuns;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on the daemon's idle ticks: old runs in a real SQLite store are deleted by a daemon
 * that runs no slot at all, once at the start and then once per retention interval.
 */
class DaemonRetentionTest {
  @TempDir Path dir;

  final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  final TestClock clock = new TestClock();

  DaemonProject project;

  /** A staging nothing answers on: no slot ever runs against it. */
  @BeforeEach
  void project() {
    project = new DaemonProject(dir, "http://127.0.0.1:9").noSchedule().clock(clock);
  }

  DaemonProject.CountedWakeUps slots(Workspace workspace, Duration retentionEvery) {
    PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);
    return new DaemonProject.CountedWakeUps(
        project.slots(
            workspace,
            print,
            Duration.ofSeconds(5),
            null,
            ScheduledRuns.OUTBOX_EVERY,
            retentionEvery));
  }

  /** Records a run that started {@code ago} before the clock's time. */
  void recordRun(String runId, Duration ago) throws StoreException {
    Instant started = clock.instant().minus(ago);
    RunInfo info = new RunInfo(runId, null, "staging", "manual", null, started);
    try (JdbcResultStore store = JdbcResultStore.open(project.sqlite(), dir, clock)) {
      store.runStarted(info, "test");
      store.runFinished(new RunResult(info, started.plusSeconds(1), List.of()));
    }
  }

  List<String> storedRunIds() throws StoreException {
    try (JdbcResultStore store = JdbcResultStore.open(project.sqlite(), dir, clock)) {
      return store.lastRuns("staging", 50).stream().map(StoredRun::runId).toList();
    }
  }

  long retentionLines() {
    return printed
        .toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.startsWith("stagewatch: retention: "))
        .count();
  }

  @Test
  void oldRunsArePrunedAtTheStartThenNotAgainWithinTheInterval() throws Exception {
    Workspace workspace = project.store(project.sqlite(), 7).load();
    recordRun("old", Duration.ofDays(30));
    recordRun("recent", Duration.ofHours(1));
    DaemonProject.CountedWakeUps slots = slots(workspace, ScheduledRuns.RETENTION_EVERY);
    Daemon daemon = project.idle(slots);
    daemon.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> storedRunIds().equals(List.of("recent")));
      recordRun("old-again", Duration.ofDays(20));
      clock.advance(ScheduledRuns.RETENTION_EVERY.minusMinutes(1));
      slots.awaitMore(3); // each wake-up within the hour
    } finally {
      daemon.stop(Duration.ofSeconds(5));
    }

    assertThat(daemon.records()).isEmpty();
    assertThat(storedRunIds()).containsExactly("recent", "old-again");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("stagewatch: retention: 1 run older than 7 days deleted");
    assertThat(retentionLines()).isEqualTo(1);
  }

  @Test
  void retentionIsAppliedAgainOnceItsIntervalHasPassed() throws Exception {
    Workspace workspace = project.store(project.sqlite(), 7).load();
    recordRun("old", Duration.ofDays(30));
    Daemon daemon = project.idle(slots(workspace, ScheduledRuns.RETENTION_EVERY));
    daemon.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> storedRunIds().isEmpty());
      recordRun("recent", Duration.ofMinutes(5));
      recordRun("old-again", Duration.ofDays(8));
      clock.advance(ScheduledRuns.RETENTION_EVERY);
      await().atMost(Duration.ofSeconds(10)).until(() -> storedRunIds().equals(List.of("recent")));
    } finally {
      daemon.stop(Duration.ofSeconds(5));
    }
    assertThat(daemon.records()).isEmpty();
    assertThat(retentionLines()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anUnreachableStoreIsLoggedAndTheDaemonGoesOn() throws Exception {
    Workspace workspace =
        project.store("jdbc:postgresql://127.0.0.1:9/nothing?user=nobody&password=hunter2").load();
    Daemon daemon = project.idle(slots(workspace, Duration.ofMillis(100)));
    daemon.start();
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> printed.toString(StandardCharsets.UTF_8).contains("could not be opened"));
    } finally {
      assertThat(daemon.stop(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("stagewatch: the store could not be opened between runs: ")
        .doesNotContain("hunter2");
  }
}
