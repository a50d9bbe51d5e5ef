package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.config.ReadinessConfig;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.Schedule;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.StatusServer;
import io.stagewatch.schedule.StoreStatus;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
  EmbeddedPostgres postgres;

  @AfterEach
  void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  /** The server on the same data directory and port, so the store's URL stays valid. */
  static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  Workspace project(String storeUrl) throws Exception {
    CliRun cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                defaults:
                  timeout: 3s
                  retry: {attempts: 1}
                store:
                  url: "%s"
                schedules:
                  - suites: [health]
                    every: 1s
                """
                    .formatted(storeUrl))
            .suite("health.yaml", CliRun.ONE_HEALTH_CHECK)
            .env("STAGING_URL", staging.baseUrl());
    return Workspace.load(cli.dir.resolve("config/stagewatch.yaml"), null, cli.environment, false);
  }

  static long outcomesSince(Daemon daemon, SlotOutcome outcome, Instant since) {
    return daemon.records().stream()
        .filter(r -> r.outcome() == outcome && !r.started().isBefore(since))
        .count();
  }

  @Test
  void theDaemonRidesOutAStoreOutageAndRecordsRunsAgainWhenTheStoreIsBack() throws Exception {
    staging.stubFor(get("/health").willReturn(ok()));
    Path data = dir.resolve("pgdata");
    int port = freePort();
    postgres = startPostgres(data, port);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    Workspace workspace = project(url);
    PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);
    StagewatchCommand root = new StagewatchCommand(Map.of(), print, print);
    Daemon daemon =
        new Daemon(
            DaemonCommand.schedules(workspace.config()),
            new SlotRun(root, workspace, dir.resolve("reports"), Duration.ofSeconds(2), null),
            Clock.systemUTC(),
            line -> {});
    try (StoreStatus status =
            new StoreStatus(
                url, dir, "staging", ReadinessConfig.DEFAULT, daemon, Clock.systemUTC(), s -> s);
        StatusServer server = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), status)) {
      daemon.start();
      try {
        Instant start = Instant.now();
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> outcomesSince(daemon, SlotOutcome.PASSED, start) >= 1);
        assertThat(health(server).statusCode()).isEqualTo(200);

        postgres.close();
        postgres = null;
        Instant down = Instant.now();
        await().atMost(Duration.ofSeconds(20)).until(() -> health(server).statusCode() == 503);
        assertThat(health(server).body()).contains("store is unreachable");
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> outcomesSince(daemon, SlotOutcome.NOT_RECORDED, down) >= 2);
        assertThat(health(server).statusCode()).isEqualTo(503);

        postgres = startPostgres(data, port);
        Instant up = Instant.now();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> outcomesSince(daemon, SlotOutcome.PASSED, up) >= 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> health(server).statusCode() == 200);
      } finally {
        assertThat(daemon.stop(Duration.ofSeconds(10))).isTrue();
      }
    }

    Schedule schedule = DaemonCommand.schedules(workspace.config()).get(0);
    List<String> recorded =
        daemon.records().stream()
            .filter(r -> r.outcome() == SlotOutcome.PASSED)
            .map(r -> schedule.label(r.slot()))
            .toList();
    try (JdbcResultStore store = JdbcResultStore.open(url, dir)) {
      List<String> labels = store.lastRuns("staging", 100).stream().map(StoredRun::label).toList();
      // Every run the daemon counted as recorded is in the store, before and after the outage.
      assertThat(labels).containsAll(recorded);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the run was not recorded");
  }

  static HttpResponse<String> health(StatusServer server) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
