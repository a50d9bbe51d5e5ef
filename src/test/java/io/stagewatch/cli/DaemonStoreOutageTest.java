package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.app.DaemonService;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.Schedule;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.StatusEndpoints;
import io.stagewatch.store.RestartablePostgres;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL store stops while the daemon runs (a real server of its own, not the one other
 * tests share), then starts again on the same data: the daemon goes on, {@code /healthz} is 503
 * meanwhile, and afterwards runs are recorded again and the daemon is healthy.
 */
class DaemonStoreOutageTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  static long outcomesSince(Daemon daemon, SlotOutcome outcome, Instant since) {
    return daemon.records().stream()
        .filter(r -> r.outcome() == outcome && !r.started().isBefore(since))
        .count();
  }

  @Test
  void theDaemonRidesOutAStoreOutageAndRecordsRunsAgainWhenTheStoreIsBack() throws Exception {
    staging.stubFor(get("/health").willReturn(ok()));
    try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pgdata"))) {
      String url = postgres.jdbcUrl();
      DaemonProject project = new DaemonProject(dir, staging.baseUrl()).timeout("3s").store(url);
      Workspace workspace = project.load();
      PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);
      Daemon daemon = project.daemon(workspace, print, Duration.ofSeconds(2));
      try (StatusEndpoints endpoints = project.endpoints(workspace, daemon)) {
        daemon.start();
        try {
          Instant start = Instant.now();
          await()
              .atMost(Duration.ofSeconds(15))
              .until(() -> outcomesSince(daemon, SlotOutcome.PASSED, start) >= 1);
          assertThat(health(endpoints).statusCode()).isEqualTo(200);

          postgres.stop();
          Instant down = Instant.now();
          await().atMost(Duration.ofSeconds(20)).until(() -> health(endpoints).statusCode() == 503);
          assertThat(health(endpoints).body()).contains("store is unreachable");
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> outcomesSince(daemon, SlotOutcome.NOT_RECORDED, down) >= 2);
          assertThat(health(endpoints).statusCode()).isEqualTo(503);

          postgres.startAgain();
          Instant up = Instant.now();
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> outcomesSince(daemon, SlotOutcome.PASSED, up) >= 2);
          await().atMost(Duration.ofSeconds(10)).until(() -> health(endpoints).statusCode() == 200);
        } finally {
          assertThat(daemon.stop(Duration.ofSeconds(10))).isTrue();
        }
      }

      Schedule schedule = DaemonService.schedules(workspace.config()).get(0);
      List<String> recorded =
          daemon.records().stream()
              .filter(r -> r.outcome() == SlotOutcome.PASSED)
              .map(r -> schedule.label(r.slot()))
              .toList();
      try (JdbcResultStore store = JdbcResultStore.open(url, dir, Clock.systemUTC())) {
        List<String> labels =
            store.lastRuns("staging", 100).stream().map(StoredRun::label).toList();
        // Every run the daemon counted as recorded is in the store, before and after the outage.
        assertThat(labels).containsAll(recorded);
      }
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the run was not recorded");
    }
  }

  static HttpResponse<String> health(StatusEndpoints endpoints) throws Exception {
    return endpoints.get("/healthz");
  }
}
