package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.store.RestartablePostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} while its PostgreSQL store stops answering (frozen with SIGSTOP, as a hung host or a
 * black-holed route looks) or goes away and comes back: a server of the test's own.
 */
class PostgresStoreOutageRunTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  CliRun project(String storeUrl, String suite) throws IOException {
    return new CliRun(dir)
        .config(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
            defaults:
              timeout: 5s
              retry: {attempts: 1}
            store:
              url: "%s"
            """
                .formatted(storeUrl))
        .suite("health.yaml", suite)
        .env("STAGING_URL", staging.baseUrl());
  }

  record TimedRun(int exit, Duration wall) {}

  /**
   * Starts {@code run} on a thread of its own: on a small machine the common pool has one thread,
   * which the HTTP client's completions need.
   */
  static CompletableFuture<TimedRun> start(CliRun cli, String... args) {
    CompletableFuture<TimedRun> done = new CompletableFuture<>();
    Thread.ofPlatform()
        .start(
            () -> {
              long t0 = System.nanoTime();
              try {
                int exit = cli.runChecks(args);
                done.complete(new TimedRun(exit, Duration.ofNanos(System.nanoTime() - t0)));
              } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
              }
            });
    return done;
  }

  static boolean requested(String path) {
    return staging.getAllServeEvents().stream().anyMatch(e -> e.getRequest().getUrl().equals(path));
  }

  @Test
  void aStoreThatStopsAnsweringEndsTheRunWithExitThreeWithinTheStoreBounds() throws Exception {
    // The check takes 3 s; the store freezes while it runs, after the run was recorded as
    // started.
    staging.stubFor(get("/health").willReturn(ok().withFixedDelay(3000)));
    try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pgdata"))) {
      CliRun cli = project(postgres.jdbcUrl(), CliRun.ONE_HEALTH_CHECK);
      CompletableFuture<TimedRun> running = start(cli, "-s", "health");
      await().atMost(Duration.ofSeconds(30)).until(() -> requested("/health"));
      postgres.freeze();
      TimedRun run;
      try {
        run = running.get(3, TimeUnit.MINUTES);
      } finally {
        postgres.thaw();
      }

      assertThat(run.exit()).as(cli.out + cli.err).isEqualTo(ExitCodes.INTERNAL);
      assertThat(cli.err)
          .contains("the run was not recorded")
          .contains("no answer within 5 s")
          .contains("not written: 1 result and the run's end");
      JsonNode result = JSON.readTree(cli.report("result.json"));
      assertThat(result.get("status").asText()).isEqualTo("pass");
      Duration reported =
          Duration.between(
              Instant.parse(result.get("startedAt").asText()),
              Instant.parse(result.get("finishedAt").asText()));
      // The run's duration is its check's time, and none of the store's: results are written
      // apart from the checks (a generous allowance for start-up, not a speed bound).
      long checkMs = result.get("checks").get(0).get("durationMs").asLong();
      assertThat(reported.minusMillis(checkMs)).isLessThan(Duration.ofSeconds(3));
      // Bounded by the store's timeouts (a statement, a reconnect, the lock's release: 5 s each),
      // not by the driver's defaults, which held such a run for over a minute.
      assertThat(run.wall()).isLessThan(Duration.ofSeconds(45));
    }
  }

  /**
   * Run one after another ({@code --parallel 1}): a check the test lets pass, one that takes 6 s
   * (longer than the store waits for a connection), and another the test lets pass.
   */
  static final String THREE_CHECKS_IN_A_ROW =
      """
      name: deploy
      checks:
        - name: api live
          http: {path: /api}
          expect: {status: 200}
          retry: {until: 60s, every: 100ms}
        - name: caches warm
          timeout: 20s
          http: {path: /warm}
          expect: {status: 200}
        - name: web live
          http: {path: /web}
          expect: {status: 200}
          retry: {until: 60s, every: 100ms}
      """;

  @Test
  void aStoreThatComesBackBeforeTheRunEndsGetsTheRestOfTheRun() throws Exception {
    staging.stubFor(get(urlEqualTo("/api")).willReturn(serviceUnavailable()));
    staging.stubFor(get(urlEqualTo("/warm")).willReturn(ok().withFixedDelay(6000)));
    staging.stubFor(get(urlEqualTo("/web")).willReturn(serviceUnavailable()));
    try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pgdata"))) {
      CliRun cli = project(postgres.jdbcUrl(), THREE_CHECKS_IN_A_ROW);
      CompletableFuture<TimedRun> running = start(cli, "-s", "deploy", "--parallel", "1");
      await().atMost(Duration.ofSeconds(30)).until(() -> requested("/api"));

      postgres.stop();
      // The first check ends while the store is away, and the 6 s of the next one outlast the
      // store's wait for a connection: writing its result fails.
      staging.stubFor(get(urlEqualTo("/api")).willReturn(ok()));
      await().atMost(Duration.ofSeconds(60)).until(() -> requested("/web"));
      postgres.startAgain();
      // The last check ends once the store is back, and the run with it.
      staging.stubFor(get(urlEqualTo("/web")).willReturn(ok()));
      TimedRun run = running.get(2, TimeUnit.MINUTES);

      assertThat(run.exit()).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);
      assertThat(cli.run("history", "--json", "-c", dir + "/config/stagewatch.yaml"))
          .as(cli.err)
          .isZero();
      JsonNode history = JSON.readTree(cli.out);
      JsonNode recorded = history.get("runs").get(0);
      assertThat(recorded.get("runId").asText())
          .isEqualTo(JSON.readTree(cli.report("result.json")).get("runId").asText());
      assertThat(recorded.get("status").asText()).isEqualTo("pass");
      assertThat(recorded.get("counts").get("passed").asInt()).isEqualTo(3);
      assertThat(history.get("checks").findValuesAsText("id"))
          .containsExactlyInAnyOrder("deploy/api live", "deploy/caches warm", "deploy/web live");
    }
  }
}
