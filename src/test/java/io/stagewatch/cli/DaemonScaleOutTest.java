package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.SlotRecord;
import io.stagewatch.store.StoreDatabase;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Replicas: two daemons on one PostgreSQL store run each scheduled slot once between them. */
class DaemonScaleOutTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final int SLOTS = 20;

  @TempDir Path dir;

  /** A replica loads the project on its own and writes its reports into a folder of its own. */
  static Daemon replica(DaemonProject project, String name) throws Exception {
    Workspace workspace = project.workspace();
    return project.daemon(
        workspace, project.slots(workspace, name, DaemonProject.silent(), Duration.ofSeconds(5)));
  }

  @Test
  void twoDaemonsOnOnePostgresStoreRunEverySlotExactlyOnce() throws Exception {
    staging.stubFor(get("/health").willReturn(ok()));
    String url = StoreDatabase.POSTGRESQL.freshUrl(dir);
    DaemonProject project =
        new DaemonProject(dir, staging.baseUrl()).timeout(null).store(url).every("250ms");
    project.write();
    Daemon first = replica(project, "first");
    Daemon second = replica(project, "second");
    first.start();
    second.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> passed(first) + passed(second) >= SLOTS);
    } finally {
      first.stop(Duration.ofSeconds(5));
      second.stop(Duration.ofSeconds(5));
    }

    List<SlotRecord> fired =
        Stream.concat(first.records().stream(), second.records().stream()).toList();
    Map<SlotOutcome, Long> outcomes =
        fired.stream().collect(Collectors.groupingBy(SlotRecord::outcome, Collectors.counting()));
    try (JdbcResultStore store = JdbcResultStore.open(url, dir, Clock.systemUTC())) {
      List<StoredRun> runs = store.lastRuns("staging", 100);
      Map<String, Long> runsPerSlot =
          runs.stream()
              .collect(
                  Collectors.groupingBy(r -> String.valueOf(r.label()), Collectors.counting()));
      assertThat(runsPerSlot.values()).as("runs per slot").allMatch(n -> n == 1);
      assertThat(runsPerSlot).hasSizeGreaterThanOrEqualTo(SLOTS);
      // Every slot either replica fired ran in exactly one of them; the other found its run in
      // the store or, busy with the lock, gave the slot up.
      Map<String, Long> firedPerSlot =
          fired.stream()
              .filter(r -> r.outcome() != SlotOutcome.LOCKED)
              .collect(Collectors.groupingBy(r -> r.slot().toString(), Collectors.counting()));
      assertThat(firedPerSlot).hasSameSizeAs(runsPerSlot);
      assertThat(runs.size()).isEqualTo(outcomes.getOrDefault(SlotOutcome.PASSED, 0L).intValue());
      assertThat(outcomes.getOrDefault(SlotOutcome.ALREADY_RAN, 0L))
          .as("slots both replicas fired, run by one")
          .isPositive();
      assertThat(outcomes.keySet())
          .isSubsetOf(SlotOutcome.PASSED, SlotOutcome.ALREADY_RAN, SlotOutcome.LOCKED);
    }
  }

  static long passed(Daemon daemon) {
    return daemon.records().stream().filter(r -> r.outcome() == SlotOutcome.PASSED).count();
  }
}
