package io.stagewatch.report.html;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.schedule.StatusEndpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check in every state ({@link EveryStateProject}) on the daemon's {@code /} and in {@code
 * report.html}, opened in headless chromium: what a person sees is checked in the rendered DOM
 * (computed colours and their contrast, the header's chips, hover text, a reason opened by a mouse
 * click). A screenshot of each page and of each state's row is kept in {@link #SCREENSHOTS}.
 */
class EveryStateInBrowserTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final Path SCREENSHOTS = Path.of("target", "status-page-screenshots");

  static final String GREEN = "rgb(26, 127, 55)";
  static final String AMBER = "rgb(154, 103, 0)";
  static final String RED = "rgb(207, 34, 46)";
  static final String GREY = "rgb(89, 99, 110)";

  static final Map<String, String> COLOUR_BY_STATE =
      Map.of(
          "passed", GREEN,
          "flaky", AMBER,
          "degraded", AMBER,
          "failed", RED,
          "error", RED,
          "skipped", GREY,
          "silenced", GREY);

  static final String ROW = "document.querySelector('tr[data-state=\"%s\"]')";

  /** A check's row as it is seen: the state cell's text and colour, the reason's parts. */
  static final String ROW_SEEN =
      """
      (() => {
        const row = %s;
        const details = row.querySelector('details');
        return {check: row.cells[0].innerText, text: row.cells[1].innerText,
                color: getComputedStyle(row.cells[1]).color,
                background: getComputedStyle(document.body).backgroundColor,
                duration: row.querySelector('.duration').innerText,
                reason: row.querySelector('.reason').innerText,
                open: details ? details.open : null};
      })()
      """;

  /** Each chip of the header: its state, its text and its colours. */
  static final String CHIPS =
      """
      [...document.querySelectorAll('#overview .chip')].map(c => ({
        state: c.dataset.state, text: c.innerText,
        background: getComputedStyle(c).backgroundColor, color: getComputedStyle(c).color}))
      """;

  /** Hover text: the title and text of the last run's time and of a check's last failure. */
  static final String TIMES =
      """
      (() => {
        const started = document.querySelector('.series p time');
        const failed = document.querySelector('tr[data-state="passed"] .reason time');
        return {startedTitle: started.title, startedText: started.innerText,
                startedDatetime: started.dateTime,
                failedTitle: failed.title, failedText: failed.innerText,
                verdict: document.querySelector('#overview .overall').innerText,
                verdictColor: getComputedStyle(document.querySelector('#overview .overall')).color};
      })()
      """;

  /** What the page loads from elsewhere: scripts and every src or href that is a URL. */
  static final String OUTSIDE =
      """
      [...document.querySelectorAll('script, [src], [href]')]
        .map(e => e.tagName === 'SCRIPT' ? 'script' : e.getAttribute('src') || e.getAttribute('href'))
        .filter(u => u === 'script' || /^(https?:)?\\/\\//i.test(u))
      """;

  @TempDir Path dir;

  Path binary;

  @BeforeEach
  void findChromium() {
    binary = HeadlessChromium.binaryOrSkip();
  }

  @Test
  void everyStateReadsAtAGlanceOnTheDaemonsPageAndInReportHtml() throws Exception {
    EveryStateProject project = new EveryStateProject(dir.resolve("project"), staging).runTwice();
    project.clock.advance(Duration.ofMinutes(2));
    try (StatusEndpoints endpoints = project.daemonPage();
        HeadlessChromium chromium = HeadlessChromium.start(binary, dir.resolve("profile"));
        DevToolsSession tab = chromium.openTab()) {

      // The store keeps the degraded mark: a daemon that did not make the run shows the slow pass
      // as degraded too.
      tab.navigate(endpoints.url("/"));
      seenAtAGlance(tab, "status-page", true, "2 min ago", "5 min ago");

      tab.navigate(project.report().toUri().toString());
      seenAtAGlance(
          tab, "report-html", true, "moments before this report", "3 min before this report");

      assertThat(tab.errors()).isEmpty();
    }
    System.out.println("Screenshots of the status page: " + SCREENSHOTS.toAbsolutePath());
  }

  /**
   * The page as a person sees it; screenshots under {@code <page>/}.
   *
   * @param degradedKnown whether the page knows which pass was slow
   * @param started how the last run's start reads
   * @param healthFailed how the passing check's failure in the first run reads
   */
  static void seenAtAGlance(
      DevToolsSession tab, String page, boolean degradedKnown, String started, String healthFailed)
      throws IOException {
    Path shots = SCREENSHOTS.resolve(page);
    tab.screenshot(shots.resolve("full.png"));
    assertThat(tab.evaluate(OUTSIDE)).as("scripts and URLs elsewhere").isEmpty();

    JsonNode chips = tab.evaluate(CHIPS);
    assertThat(chips).hasSize(COLOUR_BY_STATE.size());
    for (JsonNode chip : chips) {
      String state = chip.path("state").asText();
      int count = degradedKnown ? 1 : state.equals("passed") ? 2 : state.equals("degraded") ? 0 : 1;
      assertThat(chip.path("text").asText()).isEqualTo(count + " " + state);
      if (count == 0) {
        continue;
      }
      assertThat(chip.path("background").asText()).as(state).isEqualTo(COLOUR_BY_STATE.get(state));
      assertContrast(chip.path("color").asText(), chip.path("background").asText());
    }
    tab.screenshot(shots.resolve("header.png"), "document.getElementById('overview')");

    JsonNode times = tab.evaluate(TIMES);
    assertThat(times.path("verdict").asText()).isEqualTo("Failing");
    assertThat(times.path("verdictColor").asText()).isEqualTo(RED);
    assertThat(times.path("startedText").asText()).isEqualTo(started);
    assertThat(times.path("startedTitle").asText()).isEqualTo("2026-12-06 14:23:20 UTC");
    assertThat(times.path("startedDatetime").asText()).isEqualTo("2026-12-06T14:23:20Z");
    assertThat(times.path("failedText").asText()).isEqualTo(healthFailed);
    assertThat(times.path("failedTitle").asText()).isEqualTo("2026-12-06 14:20:20 UTC");

    for (Map.Entry<String, String> state : COLOUR_BY_STATE.entrySet()) {
      if (!degradedKnown && state.getKey().equals("degraded")) {
        continue;
      }
      JsonNode row = tab.evaluate(ROW_SEEN.formatted(ROW.formatted(state.getKey())));
      assertThat(row.path("check").asText())
          .isEqualTo(EveryStateProject.CHECK_BY_STATE.get(state.getKey()));
      assertThat(row.path("color").asText()).as(state.getKey()).isEqualTo(state.getValue());
      assertContrast(row.path("color").asText(), row.path("background").asText());
      assertThat(row.path("duration").asText())
          .matches("(\\d+ ms|\\d\\.\\d s|not run)(, 2 attempts)? ?");
      tab.screenshot(shots.resolve(state.getKey() + ".png"), ROW.formatted(state.getKey()));
    }
    assertThat(tab.evaluate(ROW_SEEN.formatted(ROW.formatted("passed"))).path("text").asText())
        .isEqualTo("PASSED");
    if (degradedKnown) {
      assertThat(tab.evaluate(ROW_SEEN.formatted(ROW.formatted("degraded"))).path("text").asText())
          .isEqualTo("PASSED (degraded)");
    }
    assertThat(tab.evaluate(ROW_SEEN.formatted(ROW.formatted("silenced"))).path("text").asText())
        .isEqualTo("FAILED silenced: being retired");
    assertThat(tab.evaluate(ROW_SEEN.formatted(ROW.formatted("flaky"))).path("duration").asText())
        .contains(", 2 attempts");
    theFullReasonOpensOnClick(tab, shots);
  }

  static void theFullReasonOpensOnClick(DevToolsSession tab, Path shots) throws IOException {
    String failed = ROW.formatted("failed");
    JsonNode closed = tab.evaluate(ROW_SEEN.formatted(failed));
    assertThat(closed.path("open").asBoolean()).isFalse();
    assertThat(closed.path("reason").asText())
        .contains("expected status 200, got 503")
        .doesNotContain("retry after the deploy window closes");

    tab.click(failed + ".querySelector('summary')");
    JsonNode opened = tab.evaluate(ROW_SEEN.formatted(failed));
    assertThat(opened.path("open").asBoolean()).isTrue();
    assertThat(opened.path("reason").asText())
        .contains("<h1>Service Unavailable</h1> the order service is draining its queue")
        .contains("retry after the deploy window closes");
    tab.screenshot(shots.resolve("failed-opened.png"), failed);
  }

  /** WCAG's contrast ratio of two {@code rgb(r, g, b)} colours is at least 4.5:1. */
  static void assertContrast(String foreground, String background) {
    double a = luminance(foreground);
    double b = luminance(background);
    double ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    assertThat(ratio).as("contrast of %s on %s", foreground, background).isGreaterThan(4.5);
  }

  static double luminance(String rgb) {
    Matcher m = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(rgb);
    assertThat(m.find()).as(rgb).isTrue();
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(m.group(i + 1)) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
