package io.stagewatch.report.html;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.schedule.StatusEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html} from {@code run --report-dir} and the daemon's {@code /}, both over a store
 * with a check in every state ({@link EveryStateProject}), as the HTML they are: the header's
 * counts and verdict, times relative to the page's moment with the exact second on hover, durations
 * and attempts, and a long reason behind a {@code <details>}.
 */
class StatusPageAtAGlanceTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @Test
  void reportHtmlCountsEveryStateInItsHeaderAndSaysFailing() throws Exception {
    String html = Files.readString(new EveryStateProject(dir, staging).runTwice().report());
    for (String state : EveryStateProject.CHECK_BY_STATE.keySet()) {
      assertThat(html)
          .contains(
              "<li class=\"chip chip-%s\" data-state=\"%s\">1 %s</li>"
                  .formatted(state, state, state));
    }
    assertThat(html)
        .contains("<div id=\"overview\" class=\"overview failing\"><p><b class=\"overall\">")
        .contains("Failing</b>: 7 checks, 1 of them failing but silenced.");
  }

  @Test
  void reportHtmlGivesTimesBeforeTheReportToTheSecondWithoutNanoseconds() throws Exception {
    String html = Files.readString(new EveryStateProject(dir, staging).runTwice().report());
    assertThat(html)
        .contains(
            "Report made <time datetime=\"2026-12-06T14:23:20Z\">2026-12-06 14:23:20 UTC</time>")
        .contains(
            "started <time datetime=\"2026-12-06T14:23:20Z\" title=\"2026-12-06 14:23:20 UTC\">"
                + "moments before this report</time>")
        .doesNotContain(".646640970")
        .doesNotContain("14:20:20.6");
    assertThat(row(html, "shop/health"))
        .as("health failed in the first run, three minutes before the second")
        .contains(
            "<time datetime=\"2026-12-06T14:20:20Z\" title=\"2026-12-06 14:20:20 UTC\">"
                + "3 min before this report</time>: expected status 200");
  }

  @Test
  void reportHtmlShowsEachChecksDurationAttemptsAndFullReason() throws Exception {
    String html = Files.readString(new EveryStateProject(dir, staging).runTwice().report());
    assertThat(row(html, "shop/login"))
        .contains("<td class=\"state-flaky\">FLAKY</td>")
        .containsPattern("<td class=\"duration\">\\d+ ms, 2 attempts <svg");
    assertThat(row(html, "shop/search"))
        .contains("<td class=\"state-degraded\" title=\"response took")
        .containsPattern("<td class=\"duration\">(\\d{3} ms|\\d\\.\\d s) <svg");
    assertThat(row(html, "shop/migrations"))
        .contains("<td class=\"state-skipped\">SKIPPED</td>")
        .contains("<td class=\"duration\">not run");
    assertThat(row(html, "shop/legacy"))
        .contains("<td class=\"state-silenced\">FAILED <span class=\"silenced\"")
        .contains("silenced: being retired");
    assertThat(row(html, "shop/payments")).contains("<td class=\"state-error\">ERROR</td>");
    assertThat(row(html, "shop/orders"))
        .contains("<td class=\"state-failed\">FAILED</td>")
        .contains("<details><summary><time datetime=\"2026-12-06T14:23:20Z\"")
        .containsPattern("</time>: [^<\\n]{1,100}…</summary><pre class=\"full\">")
        .contains("&lt;h1&gt;Service Unavailable&lt;/h1&gt; the order service is draining")
        .contains("retry after the deploy window closes</pre></details>")
        .doesNotContain("<h1>");
  }

  @Test
  void theDaemonsPageSaysAgoFromItsOwnClockAndCountsEveryState() throws Exception {
    EveryStateProject project = new EveryStateProject(dir, staging).runTwice();
    project.clock.advance(Duration.ofMinutes(2));
    try (StatusEndpoints endpoints = project.daemonPage()) {
      String html = endpoints.get("/").body();
      assertThat(html)
          .contains("As of <time datetime=\"2026-12-06T14:25:20Z\">2026-12-06 14:25:20 UTC</time>")
          .contains(
              "started <time datetime=\"2026-12-06T14:23:20Z\" title=\"2026-12-06 14:23:20 UTC\">"
                  + "2 min ago</time>")
          .contains("<li class=\"chip chip-flaky\" data-state=\"flaky\">1 flaky</li>")
          .contains("<li class=\"chip chip-skipped\" data-state=\"skipped\">1 skipped</li>")
          .doesNotContain(".646640970");
      assertThat(row(html, "shop/health")).contains(">5 min ago</time>: expected status 200");
      assertThat(row(html, "shop/login")).contains(", 2 attempts");
    }
  }

  /** The table row of a check, from its {@code <tr>} to its {@code </tr>}. */
  static String row(String html, String check) {
    Matcher row =
        Pattern.compile(
                "<tr data-state=\"\\w+\"><td>" + Pattern.quote(check) + "</td>.*?</tr>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(row.find()).as("a row for %s in%n%s", check, html).isTrue();
    return row.group();
  }
}
