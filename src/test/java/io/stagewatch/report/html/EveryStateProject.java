package io.stagewatch.report.html;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.stagewatch.TestClock;
import io.stagewatch.app.ScheduledRuns;
import io.stagewatch.cli.Main;
import io.stagewatch.config.ConfigLoader;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.LastRuns;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.StatusEndpoints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A project whose schedule {@code shop} has a check in every state the page shows, made by two real
 * runs through {@code Main} against a WireMock staging, recorded in a SQLite store, on a clock that
 * stands still between them: at {@link #FIRST} {@code health} fails; three minutes later it passes,
 * {@code login} passes on its second attempt (FLAKY), {@code search} passes slower than its bound
 * (DEGRADED), {@code orders} fails with a long reason, {@code payments} cannot connect (ERROR),
 * {@code migrations} has no database to run on (SKIPPED) and {@code legacy} fails under a silence.
 */
final class EveryStateProject {
  /** The first run; with nanoseconds, as a real clock gives them. */
  static final Instant FIRST = Instant.parse("2026-12-06T14:20:20.646640970Z");

  /** The second run, three minutes on; {@code report.html} is made at this moment. */
  static final Instant SECOND = FIRST.plus(Duration.ofMinutes(3));

  /** The reason the orders check fails with: longer than a line, with markup and a second line. */
  static final String ORDERS_BODY =
      "<h1>Service Unavailable</h1> the order service is draining its queue before a deploy"
          + " and refuses new orders\nretry after the deploy window closes";

  /** Every check, as {@code <suite>/<name>}, by the state it ends the second run in. */
  static final Map<String, String> CHECK_BY_STATE =
      Map.of(
          "passed", "shop/health",
          "flaky", "shop/login",
          "degraded", "shop/search",
          "failed", "shop/orders",
          "error", "shop/payments",
          "skipped", "shop/migrations",
          "silenced", "shop/legacy");

  final Path dir;
  final WireMockExtension staging;
  final TestClock clock = new TestClock(FIRST);
  final List<String> output = new ArrayList<>();

  EveryStateProject(Path dir, WireMockExtension staging) {
    this.dir = dir;
    this.staging = staging;
  }

  Path config() {
    return dir.resolve("config/stagewatch.yaml");
  }

  Path report() {
    return dir.resolve("reports/report.html");
  }

  /** Writes the project and makes both runs; {@link #report()} is the second run's. */
  EveryStateProject runTwice() throws IOException {
    write();
    staging.resetAll();
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(503)));
    staging.stubFor(get("/orders").willReturn(aResponse().withStatus(503).withBody(ORDERS_BODY)));
    staging.stubFor(get("/legacy").willReturn(aResponse().withStatus(503)));
    staging.stubFor(get("/search").willReturn(aResponse().withStatus(200)));
    staging.stubFor(get("/login").willReturn(aResponse().withStatus(200)));
    assertThat(cli("run", "-s", "shop")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(3));
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(200)));
    staging.stubFor(get("/search").willReturn(aResponse().withStatus(200).withFixedDelay(300)));
    staging.stubFor(
        get("/login")
            .inScenario("login")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    staging.stubFor(
        get("/login")
            .inScenario("login")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200)));
    assertThat(cli("silence", "add", "--for", "1h", "-t", "legacy", "--reason", "being retired"))
        .isZero();
    assertThat(cli("run", "-s", "shop")).isEqualTo(1);
    return this;
  }

  private void write() throws IOException {
    writeShop(
        dir,
        """
        name: shop
        checks:
          - name: health
            http: {path: /health}
            expect: {status: 200}
          - name: login
            http: {path: /login}
            retry: {attempts: 2, delay: 10ms}
            expect: {status: 200}
          - name: search
            http: {path: /search}
            expect: {status: 200, degradedResponseTime: 100ms}
          - name: orders
            http: {path: /orders}
            expect: {status: 200}
          - name: payments
            http: {url: "http://127.0.0.1:1/pay"}
            expect: {status: 200}
          - name: migrations
            sql: {database: main, query: "select 1"}
            expect: {value: 1}
          - name: legacy
            tags: [legacy]
            http: {path: /legacy}
            expect: {status: 200}
        """);
  }

  /**
   * Writes a project in {@code dir} with a SQLite store, the schedule {@code shop} and {@code
   * suites/shop.yaml}; its staging's URL comes from {@code STAGING_URL}.
   */
  static void writeShop(Path dir, String shopSuite) throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.createDirectories(dir.resolve("suites"));
    Files.writeString(
        dir.resolve("config/stagewatch.yaml"),
        """
        environments:
          staging:
            baseUrl: ${STAGING_URL}
        defaults:
          timeout: 3s
          retry: {attempts: 1}
        store:
          url: "jdbc:sqlite:%s"
        schedules:
          - {name: shop, suites: [shop], every: 1h}
        """
            .formatted(dir.resolve("store/stagewatch.db")));
    Files.writeString(dir.resolve("suites/shop.yaml"), shopSuite);
  }

  /** Runs a command of the real entry point with this project's config, on the test's clock. */
  int cli(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of(args));
    all.addAll(List.of("-c", config().toString()));
    if (command.equals("run")) {
      all.addAll(List.of("--report-dir", dir.resolve("reports").toString()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      exit = Main.execute(all.toArray(String[]::new), environment(), print, print, clock);
    }
    output.add(out.toString(StandardCharsets.UTF_8));
    return exit;
  }

  Map<String, String> environment() {
    return Map.of("STAGING_URL", staging.baseUrl());
  }

  /** The daemon's endpoints over this project's store, before the daemon has fired a slot. */
  StatusEndpoints daemonPage() throws Exception {
    Daemon daemon = new Daemon(List.of(), (schedule, slot) -> SlotOutcome.PASSED, clock, l -> {});
    StagewatchConfig config = new ConfigLoader(environment()).load(config(), null);
    return StatusEndpoints.start(
        ScheduledRuns.status(config, daemon, new LastRuns(), clock), daemon);
  }
}
