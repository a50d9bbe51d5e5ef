package io.stagewatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.report.SampleRuns;
import io.stagewatch.store.WindowFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  @Test
  void everyCheckIsShownWithItsState() {
    String html = new HtmlReport().render(SampleRuns.mixed());
    assertThat(html)
        .contains("<title>stagewatch: staging</title>")
        .contains("<td>staging-health/health endpoint</td><td class=\"state-passed\">PASSED</td>")
        .contains("<td>checkout/create order</td><td class=\"state-failed\">FAILED</td>")
        .contains("<td>staging-health/login page</td><td class=\"state-flaky\">FLAKY</td>")
        .contains("<td>checkout/payment callback</td><td class=\"state-error\">ERROR</td>")
        .contains("<td>checkout/refund</td><td class=\"state-skipped\">SKIPPED</td>")
        .contains("<td>staging-health/version</td><td class=\"state-passed\">PASSED</td>")
        .contains("Last run: <b class=\"state-failed\">FAILED</b>")
        .contains("(nightly)")
        .contains("3 of 6 checks passed.");
  }

  @Test
  void aFailingChecksReasonIsEscaped() {
    String html = new HtmlReport().render(SampleRuns.mixed());
    assertThat(html)
        .contains(
            "expected body to contain &quot;&lt;ok/&gt;&quot; &amp; &#39;done&#39;\n"
                + "but was: \uFFFD&lt;html&gt;")
        .doesNotContain("<ok/>")
        .doesNotContain("\u0007")
        .contains("timed out after 5s");
  }

  @Test
  void thePageIsSelfContainedAndDoesNotReloadItself() {
    String html = new HtmlReport().render(SampleRuns.mixed());
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .doesNotContain("<script")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("src=")
        .doesNotContain("<link")
        .doesNotContain("http-equiv=\"refresh\"");
  }

  @Test
  void withAStoreALineSumsUpTheRecentRuns() {
    WindowFigures figures = new WindowFigures(10, 8, 6, 1200, 3400, List.of(), List.of());
    assertThat(new HtmlReport(figures).render(SampleRuns.allPassed()))
        .contains("<p>Last 8 finished runs: 6 passed; run duration p50 1200 ms, p95 3400 ms.</p>")
        .contains("2 of 2 checks passed.");
    assertThat(new HtmlReport().render(SampleRuns.allPassed())).doesNotContain("finished runs");
  }
}
