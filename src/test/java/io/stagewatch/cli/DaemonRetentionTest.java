package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on the daemon's idle ticks: old runs in a real SQLite store are deleted by a daemon
 * that runs no slot at all, once at the start and then once per retention interval.
 */
class DaemonRetentionTest {
  @TempDir Path dir;

  final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  String storeUrl() {
    return "jdbc:sqlite:" + dir.resolve("store/stagewatch.db");
  }

  Workspace project() throws Exception {
    CliRun cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: http://127.0.0.1:9
                store:
                  url: "%s"
                  retentionDays: 7
                """
                    .formatted(storeUrl()))
            .suite("health.yaml", CliRun.ONE_HEALTH_CHECK);
    return Workspace.load(cli.dir.resolve("config/stagewatch.yaml"), null, cli.environment, false);
  }

  /** A daemon with no schedule: the scheduler only wakes up, it never runs a slot. */
  Daemon daemon(Workspace workspace, Duration retentionEvery) {
    PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);
    StagewatchCommand root = new StagewatchCommand(Map.of(), print, print);
    SlotRun slots =
        new SlotRun(
            root,
            workspace,
            dir.resolve("reports"),
            Duration.ofSeconds(5),
            null,
            SlotRun.OUTBOX_EVERY,
            retentionEvery);
    return new Daemon(List.of(), slots, Clock.systemUTC(), line -> {});
  }

  void recordRun(String runId, Duration ago) throws StoreException {
    Instant started = Instant.now().minus(ago);
    RunInfo info = new RunInfo(runId, null, "staging", "manual", null, started);
    try (JdbcResultStore store = JdbcResultStore.open(storeUrl(), dir)) {
      store.runStarted(info, "test");
      store.runFinished(new RunResult(info, started.plusSeconds(1), List.of()));
    }
  }

  List<String> storedRunIds() throws StoreException {
    try (JdbcResultStore store = JdbcResultStore.open(storeUrl(), dir)) {
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
    Workspace workspace = project();
    recordRun("old", Duration.ofDays(30));
    recordRun("recent", Duration.ofHours(1));
    Daemon daemon = daemon(workspace, SlotRun.RETENTION_EVERY);
    daemon.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> storedRunIds().equals(List.of("recent")));
      recordRun("old-again", Duration.ofDays(20));
      Thread.sleep(2500); // a few more ticks, all within the hour
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
    Workspace workspace = project();
    recordRun("old", Duration.ofDays(30));
    Daemon daemon = daemon(workspace, Duration.ofMillis(500));
    daemon.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> storedRunIds().isEmpty());
      recordRun("recent", Duration.ofMinutes(5));
      recordRun("old-again", Duration.ofDays(8));
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
        Workspace.load(
            new CliRun(dir)
                .config(
                    """
                    environments:
                      staging:
                        baseUrl: http://127.0.0.1:9
                    store:
                      url: "jdbc:postgresql://127.0.0.1:9/nothing?user=nobody&password=hunter2"
                    """)
                .suite("health.yaml", CliRun.ONE_HEALTH_CHECK)
                .dir
                .resolve("config/stagewatch.yaml"),
            null,
            Map.of(),
            false);
    Daemon daemon = daemon(workspace, Duration.ofMillis(100));
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
