package io.stagewatch.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.report.ReportContext;
import io.stagewatch.report.SampleRuns;
import io.stagewatch.store.CheckStats;
import io.stagewatch.store.WindowFigures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class MarkdownSummaryReportTest {
  private final MarkdownSummaryReport report = new MarkdownSummaryReport();

  @Test
  void aMixedRunRendersExactlyLikeTheGoldenFile() throws IOException {
    assertThat(report.render(SampleRuns.mixed())).isEqualTo(golden("summary-mixed.md"));
  }

  @Test
  void aGreenRunLeavesOutFlakyFailuresAndInsecure() throws IOException {
    String md = report.render(SampleRuns.allPassed());

    assertThat(md).isEqualTo(golden("summary-passed.md"));
    assertThat(md).doesNotContain("## Flaky", "## Failures", "## Insecure", "Label:");
  }

  @Test
  void theHeaderNamesTheEnvironmentAndStatusWithoutEmoji() {
    String md = report.render(SampleRuns.mixed());

    assertThat(md).startsWith("# stagewatch on staging: **FAILED**\n");
    assertThat(md).contains("**3/5 passed (60%)**");
    assertThat(md.codePoints()).allMatch(c -> c < 0x2000);
  }

  @Test
  void reasonsStayOnOneLineAndEscapeTablePipes() {
    assertThat(MarkdownSummaryReport.text("a | b\nc\r\n\td\u0007e")).isEqualTo("a \\| b c d" + "e");
  }

  @Test
  void markupInReasonsIsShownNotInterpreted() {
    assertThat(MarkdownSummaryReport.text("<b>*bold*</b> `x` [y] a\\b"))
        .isEqualTo("\\<b>\\*bold\\*\\</b> \\`x\\` \\[y\\] a\\\\b");
  }

  @Test
  void longReasonsAreCutToThreeHundredCharacters() {
    String cut = MarkdownSummaryReport.cut("x".repeat(1000));

    assertThat(cut).hasSize(303).endsWith("x...");
    assertThat(MarkdownSummaryReport.cut("short")).isEqualTo("short");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String cut = MarkdownSummaryReport.cut("x".repeat(299) + "😀".repeat(10));

    assertThat(cut).isEqualTo("x".repeat(299) + "...");
  }

  @Test
  void theFiguresOfTheLastRunsFollowTheRunsOwnSections() throws IOException {
    CheckStats flaky =
        new CheckStats(
            "shop/checkout",
            10,
            9,
            0.9,
            2,
            310,
            1250,
            Instant.parse("2026-11-22T10:00:00Z"),
            "got 502");
    CheckStats steady = new CheckStats("shop/health", 10, 10, 1.0, 0, 12, 40, null, null);
    WindowFigures history =
        new WindowFigures(10, 10, 9, 6100, 9400, List.of(flaky), List.of(flaky, steady));

    String md =
        new MarkdownSummaryReport()
            .render(new ReportContext(SampleRuns.allPassed(), history, null, null, List.of()));

    assertThat(md).isEqualTo(golden("summary-passed-with-history.md"));
  }

  @Test
  void withoutAStoreThereIsNoHistorySection() {
    assertThat(report.render(SampleRuns.mixed())).doesNotContain("## Last");
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = MarkdownSummaryReportTest.class.getResourceAsStream("/report/" + name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
