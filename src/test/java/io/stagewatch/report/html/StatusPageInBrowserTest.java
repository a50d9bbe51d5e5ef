package io.stagewatch.report.html;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real browser: two real runs against a WireMock staging, recorded in a SQLite
 * store, then the daemon's {@code /} and the run's {@code report.html} opened in headless chromium.
 * What is checked is what a person sees: the rendered DOM and its computed colours, not the HTML
 * source. Screenshots are kept in {@code target/browser/}.
 */
class StatusPageInBrowserTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final Path SCREENSHOTS = Path.of("target", "browser");
  static final String RED = EveryStateInBrowserTest.RED;
  static final String GREEN = EveryStateInBrowserTest.GREEN;

  /** The state cell of a check's row: its text and its colour as rendered. */
  static final String STATE_OF =
      """
      (() => {
        const row = [...document.querySelectorAll('tr')]
            .find(r => r.cells[0] && r.cells[0].textContent === '%s');
        if (!row) return null;
        const cell = row.cells[1];
        return {text: cell.innerText, color: getComputedStyle(cell).color,
                bars: [...row.querySelectorAll('.bar')].map(b => b.title),
                reason: row.cells[5].innerText, fullReason: row.cells[5].textContent};
      })()
      """;

  static final String VERDICT =
      """
      (() => {
        const box = document.getElementById('readiness');
        return {text: box.innerText,
                verdict: box.querySelector('.verdict').innerText,
                color: getComputedStyle(box.querySelector('.verdict')).color};
      })()
      """;

  @TempDir Path dir;

  Path binary;

  @BeforeEach
  void findChromium() {
    binary = HeadlessChromium.binaryOrSkip();
  }

  /** Two runs of a passing and a failing check, recorded in the store; report.html is written. */
  Path twoRuns() throws IOException {
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(200)));
    staging.stubFor(
        get("/orders").willReturn(aResponse().withStatus(503).withBody("<b>down</b> for now")));
    EveryStateProject.writeShop(
        dir,
        """
        name: shop
        checks:
          - name: health
            http: {path: /health}
            expect: {status: 200}
          - name: orders
            http: {path: /orders}
            expect: {status: 200}
        """);
    for (int i = 0; i < 2; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit;
      try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
        exit =
            Main.execute(
                new String[] {
                  "run",
                  // Only the YAML suite: the test classpath holds Java suites as well.
                  "-s",
                  "shop",
                  "-c",
                  dir.resolve("config/stagewatch.yaml").toString(),
                  "--report-dir",
                  dir.resolve("reports").toString()
                },
                Map.of("STAGING_URL", staging.baseUrl()),
                print,
                print,
                Clock.systemUTC());
      }
      assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
    }
    return dir.resolve("reports/report.html");
  }

  @Test
  void theDaemonsPageAndReportHtmlShowTheFailingCheckAsFailing() throws Exception {
    Path report = twoRuns();
    // A daemon that has not fired a slot yet: the page shows what the store holds.
    Daemon daemon =
        new Daemon(List.of(), (schedule, slot) -> SlotOutcome.PASSED, Clock.systemUTC(), l -> {});
    StagewatchConfig config =
        new ConfigLoader(Map.of("STAGING_URL", staging.baseUrl()))
            .load(dir.resolve("config/stagewatch.yaml"), null);
    try (StatusEndpoints endpoints =
            StatusEndpoints.start(
                ScheduledRuns.status(config, daemon, new LastRuns(), Clock.systemUTC()), daemon);
        HeadlessChromium chromium = HeadlessChromium.start(binary, dir.resolve("profile"));
        DevToolsSession tab = chromium.openTab()) {

      tab.navigate(endpoints.url("/"));
      tab.screenshot(SCREENSHOTS.resolve("status-page.png"));
      assertShowsTheRuns(tab);

      tab.navigate(report.toUri().toString());
      tab.screenshot(SCREENSHOTS.resolve("report-html.png"));
      assertShowsTheRuns(tab);

      assertThat(tab.errors()).isEmpty();
    }
  }

  /**
   * Two runs, each bar saying its status and when: "FAILED, 3 s ago" on the daemon's page, "FAILED,
   * 3 s before this report" in report.html.
   */
  private static void assertBars(JsonNode check, String status) {
    assertThat(check.path("bars"))
        .hasSize(2)
        .allSatisfy(
            bar ->
                assertThat(bar.asText())
                    .matches(status + ", (moments|\\d+ s) (ago|before this report)"));
  }

  static void assertShowsTheRuns(DevToolsSession tab) throws IOException {
    JsonNode failing = tab.evaluate(STATE_OF.formatted("shop/orders"));
    assertThat(failing.path("text").asText()).isEqualTo("FAILED");
    assertThat(failing.path("color").asText()).isEqualTo(RED);
    // Two runs, each bar saying its status and when: "FAILED, 3 s ago" on the daemon's page,
    // "FAILED, 3 s before this report" in report.html.
    assertBars(failing, "FAILED");
    assertThat(failing.path("reason").asText()).contains("503").doesNotContain("<b>down</b>");
    assertThat(failing.path("fullReason").asText()).contains("503").contains("<b>down</b>");

    JsonNode passing = tab.evaluate(STATE_OF.formatted("shop/health"));
    assertThat(passing.path("text").asText()).isEqualTo("PASSED");
    assertThat(passing.path("color").asText()).isEqualTo(GREEN);
    assertBars(passing, "PASSED");

    JsonNode verdict = tab.evaluate(VERDICT);
    assertThat(verdict.path("verdict").asText()).isEqualTo("NOT READY");
    assertThat(verdict.path("color").asText()).isEqualTo(RED);
    assertThat(verdict.path("text").asText())
        .contains("0/2 runs of staging shop passed")
        .contains("the latest staging run of staging shop failed");
  }

  /** The error collection itself works: a page that logs an error and throws is caught. */
  @Test
  void consoleErrorsAndUncaughtExceptionsAreSeen() throws Exception {
    Path page = dir.resolve("broken.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><title>broken</title>"
            + "<script>console.error('logged'); undefinedFunction();</script>");
    try (HeadlessChromium chromium = HeadlessChromium.start(binary, dir.resolve("profile"));
        DevToolsSession tab = chromium.openTab()) {
      tab.navigate(page.toUri().toString());
      assertThat(tab.errors())
          .anyMatch(e -> e.startsWith("console.error") && e.contains("logged"))
          .anyMatch(e -> e.startsWith("uncaught exception") && e.contains("undefinedFunction"));
    }
  }
}
