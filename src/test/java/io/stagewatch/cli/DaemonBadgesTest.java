package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.run.Series;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.StatusEndpoints;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.StoredRunStatus;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The daemon's badges for a schedule: its state now and its uptime over a window. */
class DaemonBadgesTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  static void healthAnswers(int status) {
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(status)));
  }

  /**
   * The badge's accessible name, {@code label: message}, from the SVG as an XML parser reads it.
   */
  static String badgeText(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    Document svg =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(response.body())));
    assertThat(response.body()).doesNotContain("href=\"http", "<script");
    return svg.getDocumentElement().getAttribute("aria-label");
  }

  @Test
  void aSchedulesBadgesShowItsLastRunAndItsShareOfPassedRuns() throws Exception {
    DaemonProject project = new DaemonProject(dir, staging.baseUrl());
    Workspace workspace = project.storeInSqlite().load();
    Daemon daemon = project.daemon(workspace, DaemonProject.silent(), Duration.ofSeconds(5));
    try (StatusEndpoints endpoints = project.endpoints(project.workspace(), daemon)) {
      String before = badgeText(endpoints.get("/badges/default/status.svg"));
      assertThat(before).isEqualTo("default: unknown");
      assertThat(badgeText(endpoints.get("/badges/default/uptime.svg")))
          .isEqualTo("default 24h: unknown");

      healthAnswers(200);
      daemon.start();
      try {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> DaemonProject.outcomes(daemon, SlotOutcome.PASSED) >= 3);
        assertThat(badgeText(endpoints.get("/badges/default/status.svg")))
            .isEqualTo("default: passing");
        healthAnswers(503);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> DaemonProject.outcomes(daemon, SlotOutcome.FAILED) >= 1);
      } finally {
        daemon.stop(Duration.ofSeconds(5));
      }

      assertThat(badgeText(endpoints.get("/badges/default/status.svg")))
          .isEqualTo("default: failing");
      assertThat(badgeText(endpoints.get("/badges/default/uptime.svg?window=7d")))
          .isEqualTo("default 7d: " + storedUptime(project));
      assertThat(endpoints.get("/badges/default/uptime.svg?window=1y").statusCode()).isEqualTo(400);
      assertThat(endpoints.get("/badges/nosuchschedule/status.svg").statusCode()).isEqualTo(404);
      assertThat(endpoints.get("/badges/default/other.svg").statusCode()).isEqualTo(404);
    }
  }

  /** The share of the series' finished runs that passed, as a percentage cut to two decimals. */
  static String storedUptime(DaemonProject project) throws Exception {
    try (JdbcResultStore store =
        JdbcResultStore.open(project.sqlite(), project.dir, Clock.systemUTC())) {
      Series series = Series.of(project.workspace().config().schedules().get(0));
      List<StoredRun> runs = store.lastRuns("staging", series, 1000);
      long finished = runs.stream().filter(r -> r.status().isFinished()).count();
      long passed = runs.stream().filter(r -> r.status() == StoredRunStatus.PASSED).count();
      assertThat(passed).isBetween(1L, finished - 1);
      return BigDecimal.valueOf(passed * 100)
              .divide(BigDecimal.valueOf(finished), 2, RoundingMode.FLOOR)
              .stripTrailingZeros()
              .toPlainString()
          + "%";
    }
  }
}
