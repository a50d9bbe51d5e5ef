package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.report.prometheus.Promtool;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.StatusEndpoints;
import io.stagewatch.suite.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expect.degradedResponseTime} through the real entry point: a check slower than it, but
 * within {@code maxResponseTime}, passes and is shown as degraded in every report.
 */
class DegradedRunsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /**
   * Past the bound below by the delay alone; maxResponseTime and the timeout leave a busy machine
   * room.
   */
  static final int SLOW_MS = 400;

  static final String SUITE =
      """
      name: api
      checks:
        - name: slow
          http: {path: /slow}
          expect: {status: 200, degradedResponseTime: 200ms, maxResponseTime: 20s}
        - name: fast
          http: {path: /fast}
          expect: {status: 200, degradedResponseTime: 10s}
      """;

  @TempDir Path dir;
  CliRun cli;

  @BeforeEach
  void project() throws IOException {
    staging.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(SLOW_MS)));
    staging.stubFor(get("/fast").willReturn(okJson("{}")));
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                defaults:
                  timeout: 30s
                  retry: {attempts: 1}
                store:
                  url: "jdbc:sqlite:${STORE_DIR}/stagewatch.db"
                """)
            .env("STAGING_URL", staging.baseUrl())
            .env("STORE_DIR", dir.resolve("store").toString());
  }

  @Test
  void aCheckSlowerThanItsDegradedBoundPassesAndIsMarkedDegradedInResultJson() throws Exception {
    cli.suite("api.yaml", SUITE);

    assertThat(cli.runChecks()).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    JsonNode result = new ObjectMapper().readTree(cli.report("result.json"));
    assertThat(result.get("status").asText()).isEqualTo("pass");
    JsonNode slow = result.get("checks").get(0);
    assertThat(slow.get("id").asText()).isEqualTo("api/slow");
    assertThat(slow.get("status").asText()).isEqualTo("PASSED");
    assertThat(slow.get("degraded").asBoolean()).isTrue();
    assertThat(slow.get("message").asText())
        .startsWith("response took ")
        .endsWith(" ms, more than degradedResponseTime 200ms");
    JsonNode fast = result.get("checks").get(1);
    assertThat(fast.get("degraded").isBoolean()).isTrue();
    assertThat(fast.get("degraded").asBoolean()).isFalse();
    assertThat(fast.get("message").isNull()).isTrue();
  }

  @Test
  void everyReportShowsTheDegradedCheckApart(@TempDir Path tmp) throws Exception {
    cli.suite("api.yaml", SUITE);

    assertThat(cli.runChecks()).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(cli.out)
        .containsPattern("PASS {3}api/slow .*\\[degraded]")
        .doesNotContainPattern("api/fast .*\\[degraded]")
        .containsPattern(
            "2 checks: 2 passed, 0 flaky, 0 failed, 0 errors, 0 skipped in .* - PASSED"
                + " \\(1 degraded\\)");
    assertThat(cli.report("summary.md"))
        .contains("2 passed, 0 flaky, 0 failed, 0 errors, 0 skipped; 1 degraded.")
        .contains("## Degraded (passed, but slow)")
        .containsPattern("\\| api/slow \\| .* \\| response took \\d+ ms, more than");
    assertThat(cli.report("metrics.prom"))
        .contains(
            "stagewatch_check_degraded{check=\"slow\",environment=\"staging\","
                + "schedule=\"adhoc\",suite=\"api\"} 1.0")
        .contains(
            "stagewatch_check_degraded{check=\"fast\",environment=\"staging\","
                + "schedule=\"adhoc\",suite=\"api\"} 0.0");
    Promtool.assertClean(cli.report("metrics.prom"), tmp);
    String junit = cli.report("junit.xml");
    RunCommandTest.validateJunitXml(junit);
    assertThat(junit)
        .contains("failures=\"0\"")
        .containsPattern("<system-out>Degraded: response took \\d+ ms, more than");
    assertThat(cli.report("report.html"))
        .containsPattern(
            "<td>api/slow</td><td class=\"state-degraded\" title=\"response took \\d+ ms, more"
                + " than degradedResponseTime 200ms\">PASSED \\(degraded\\)</td>")
        .contains("<td>api/fast</td><td class=\"state-passed\">PASSED</td>")
        .contains("<p class=\"legend\"><span class=\"state-degraded\">(degraded)</span>");
  }

  @Test
  void theDaemonShowsADegradedCheckOnItsPageAndInItsMetrics(@TempDir Path tmp) throws Exception {
    DaemonProject daemonProject =
        new DaemonProject(dir.resolve("daemon"), staging.baseUrl()).timeout("30s");
    daemonProject.storeInSqlite().write();
    daemonProject.cli.suite(
        "health.yaml",
        """
        name: health
        checks:
          - name: up
            http: {path: /slow}
            expect: {status: 200, degradedResponseTime: 200ms}
        """);
    Workspace workspace = daemonProject.workspace();
    Daemon daemon = daemonProject.daemon(workspace, DaemonProject.silent(), Duration.ofSeconds(5));
    try (StatusEndpoints endpoints = daemonProject.endpoints(workspace, daemon)) {
      daemon.start();
      try {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> DaemonProject.outcomes(daemon, SlotOutcome.PASSED) >= 1);
      } finally {
        daemon.stop(Duration.ofSeconds(5));
      }
      String metrics = DaemonEndpointsTest.fetch(endpoints, "/metrics");
      Promtool.assertClean(metrics, tmp);
      assertThat(metrics)
          .contains(
              "stagewatch_check_degraded{check=\"up\",environment=\"staging\","
                  + "schedule=\"default\",suite=\"health\"} 1");
      assertThat(DaemonEndpointsTest.fetch(endpoints, "/"))
          .contains("<td>health/up</td><td class=\"state-degraded\"")
          .contains("PASSED (degraded)")
          .contains("<li class=\"chip chip-degraded\" data-state=\"degraded\">1 degraded</li>")
          .contains("<b class=\"overall\">Passing with warnings</b>");
      assertThat(DaemonBadgesTest.badgeText(endpoints.get("/badges/default/status.svg")))
          .isEqualTo("default: degraded");
      JsonNode check = DaemonEndpointsTest.firstCheck(endpoints);
      assertThat(check.path("id").asText()).isEqualTo("health/up");
      assertThat(check.path("status").asText()).isEqualTo("PASSED");
      assertThat(check.path("state").asText()).isEqualTo("degraded");
      assertThat(check.path("degraded").asText()).startsWith("response took");
      assertThat(check.path("silenced").isNull()).isTrue();
    }
    // Restarted (nothing in memory), before its first slot, the daemon knows the mark from the
    // store.
    DaemonProject restart =
        new DaemonProject(dir.resolve("daemon"), staging.baseUrl()).timeout("30s").storeInSqlite();
    Workspace again = restart.workspace();
    Daemon restarted = restart.daemon(again, DaemonProject.silent(), Duration.ofSeconds(5));
    try (StatusEndpoints endpoints = restart.endpoints(again, restarted)) {
      JsonNode check = DaemonEndpointsTest.firstCheck(endpoints);
      assertThat(check.path("state").asText()).isEqualTo("degraded");
      assertThat(check.path("degraded").asText()).startsWith("response took");
      assertThat(DaemonEndpointsTest.fetch(endpoints, "/"))
          .contains("<td>health/up</td><td class=\"state-degraded\"");
    }
  }

  @Test
  void validateRefusesADegradedBoundThatIsNotBelowMaxResponseTime() throws Exception {
    cli.suite(
        "api.yaml",
        """
        name: api
        checks:
          - name: slow
            http: {path: /slow}
            expect:
              maxResponseTime: 1s
              degradedResponseTime: 1s
        """);

    assertThat(cli.run("validate", "-c", cli.configFile().toString()))
        .as(cli.out + cli.err)
        .isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err)
        .contains("api.yaml:7:")
        .contains("degradedResponseTime")
        .contains("expected a time below maxResponseTime 1s, got 1s");
  }
}
