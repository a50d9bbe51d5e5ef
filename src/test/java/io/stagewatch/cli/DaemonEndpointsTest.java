package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.report.prometheus.Promtool;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Series;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.StatusEndpoints;
import io.stagewatch.schedule.StoreStatus;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a live daemon serves, checked against outside judges: {@code /metrics} by Prometheus's own
 * parser, {@code /api/status} by the store it claims to show.
 */
class DaemonEndpointsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  DaemonProject project;

  @BeforeEach
  void project() {
    project = new DaemonProject(dir, staging.baseUrl());
  }

  Daemon daemon() throws Exception {
    Workspace workspace = project.storeInSqlite().load();
    return project.daemon(workspace, DaemonProject.silent(), Duration.ofSeconds(5));
  }

  static void healthAnswers(int status) {
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(status)));
  }

  @Test
  void metricsParseWithPrometheusAndTheStatusJsonIsWhatTheStoreHolds(@TempDir Path tmp)
      throws Exception {
    healthAnswers(200);
    Daemon daemon = daemon();
    try (StatusEndpoints endpoints = project.endpoints(project.workspace(), daemon)) {
      daemon.start();
      try {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> DaemonProject.outcomes(daemon, SlotOutcome.PASSED) >= 2);
        healthAnswers(503);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> DaemonProject.outcomes(daemon, SlotOutcome.FAILED) >= 2);
      } finally {
        daemon.stop(Duration.ofSeconds(5));
      }
      // The daemon has stopped: the store no longer changes under the comparison.
      String metrics = fetch(endpoints, "/metrics");
      JsonNode json = JSON.readTree(fetch(endpoints, "/api/status"));

      Promtool.assertClean(metrics, tmp);
      assertThat(metrics)
          .contains(
              "stagewatch_check_up{check=\"up\",environment=\"staging\",schedule=\"default\",suite=\"health\"} 0")
          .contains("stagewatch_daemon_up{environment=\"staging\"} 1")
          .contains("stagewatch_daemon_outbox_pending{environment=\"staging\"} 0");

      try (JdbcResultStore store = JdbcResultStore.open(project.sqlite(), dir, Clock.systemUTC())) {
        Series series = Series.of(project.workspace().config().schedules().get(0));
        List<StoredRun> runs = store.lastRuns("staging", series, StoreStatus.WINDOW);
        List<StoredResult> results = store.resultsOfLastRuns("staging", series, StoreStatus.WINDOW);
        StoredRun last = runs.get(0);
        // The counters since the start agree with the runs the store holds.
        long passedRuns = runs.stream().filter(r -> r.status().word().equals("pass")).count();
        long failedRuns = runs.stream().filter(r -> r.status().word().equals("fail")).count();
        assertThat(metrics)
            .contains(
                "stagewatch_runs_total{environment=\"staging\",schedule=\"default\",status=\"pass\"} "
                    + passedRuns
                    + ".0")
            .contains(
                "stagewatch_runs_total{environment=\"staging\",schedule=\"default\",status=\"fail\"} "
                    + failedRuns
                    + ".0")
            .contains(
                "stagewatch_check_results_total{check=\"up\",environment=\"staging\",schedule=\"default\",status=\"failed\",suite=\"health\"} "
                    + failedRuns
                    + ".0")
            .contains(
                "stagewatch_check_duration_seconds_count{check=\"up\",environment=\"staging\",schedule=\"default\",suite=\"health\"} "
                    + runs.size())
            .contains("stagewatch_check_duration_seconds_bucket{check=\"up\",")
            .contains("# TYPE stagewatch_check_duration_seconds histogram")
            .containsPattern(
                "stagewatch_build_info\\{java=\"[^\"]+\",revision=\"[^\"]+\",version=\"[^\"]+\"} 1");
        assertThat(json.get("healthy").asBoolean()).isTrue();
        assertThat(json.at("/series/0/lastRun/runId").asText()).isEqualTo(last.runId());
        assertThat(json.at("/series/0/lastRun/label").asText()).isEqualTo(last.label());
        assertThat(json.at("/series/0/lastRun/status").asText()).isEqualTo(last.status().word());
        assertThat(json.at("/series/0/lastRun/startedAt").asText())
            .isEqualTo(last.startedAt().toString());
        assertThat(json.at("/series/0/lastRun/counts/total").asInt())
            .isEqualTo(last.counts().total());
        assertThat(json.at("/series/0/lastRun/counts/failed").asInt())
            .isEqualTo(last.counts().failed());

        // The check's history is its stored results, oldest run first.
        Map<String, StoredRun> byId =
            runs.stream().collect(Collectors.toMap(StoredRun::runId, Function.identity()));
        List<String> stored =
            results.stream()
                .filter(r -> r.checkId().equals("health/up"))
                .sorted(Comparator.comparing(r -> byId.get(r.runId()).startedAt()))
                .map(r -> r.status().name())
                .toList();
        List<String> shown = new ArrayList<>();
        json.at("/series/0/checks/0/history").forEach(s -> shown.add(s.asText()));
        assertThat(json.at("/series/0/checks")).hasSize(1);
        assertThat(json.at("/series/0/checks/0/id").asText()).isEqualTo("health/up");
        assertThat(shown).isEqualTo(stored).contains("PASSED", "FAILED");
        assertThat(json.at("/series/0/checks/0/status").asText())
            .isEqualTo(CheckStatus.FAILED.name());
        assertThat(json.at("/series/0/checks/0/uptime").asDouble())
            .isEqualTo(stored.stream().filter("PASSED"::equals).count() / (double) stored.size());
      }
    }
  }

  static String fetch(StatusEndpoints endpoints, String path) throws Exception {
    HttpResponse<String> response = endpoints.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  /** The first check of the first series in {@code /api/status}. */
  static JsonNode firstCheck(StatusEndpoints endpoints) throws Exception {
    return JSON.readTree(fetch(endpoints, "/api/status"))
        .path("series")
        .path(0)
        .path("checks")
        .path(0);
  }
}
