package io.stagewatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTimeTest {
  static final Instant NOW = Instant.parse("2026-12-06T14:23:20.646640970Z");

  @ParameterizedTest
  @CsvSource({
    "PT0.4S, moments ago",
    "PT1S, 1 s ago",
    "PT59.9S, 59 s ago",
    "PT3M10S, 3 min ago",
    "PT59M59S, 59 min ago",
    "PT1H, 1 h ago",
    "PT47H, 47 h ago",
    "PT48H, 2 days ago",
    "-PT5M, 5 min from now"
  })
  void anInstantReadsAsTheSpanBeforeThePagesMoment(Duration before, String words) {
    assertThat(PageTime.live(NOW).relative(NOW.minus(before))).isEqualTo(words);
  }

  @Test
  void aReportSaysBeforeThisReportRatherThanAgo() {
    assertThat(PageTime.report(NOW).relative(NOW.minusSeconds(180)))
        .isEqualTo("3 min before this report");
  }

  @Test
  void theElementHoldsTheExactSecondInUtcWithoutNanoseconds() {
    assertThat(PageTime.live(NOW).element(NOW.minusSeconds(90)))
        .isEqualTo(
            "<time datetime=\"2026-12-06T14:21:50Z\" title=\"2026-12-06 14:21:50 UTC\">"
                + "1 min ago</time>");
    assertThat(PageTime.live(NOW).stamp())
        .isEqualTo("As of <time datetime=\"2026-12-06T14:23:20Z\">2026-12-06 14:23:20 UTC</time>");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0 ms",
    "120, 120 ms",
    "999, 999 ms",
    "1000, 1.0 s",
    "1449, 1.4 s",
    "9949, 9.9 s",
    "12400, 12 s",
    "59400, 59 s",
    "125000, 2 min 5 s"
  })
  void aDurationReadsInTheUnitThatSuitsIt(long ms, String words) {
    assertThat(PageTime.duration(ms)).isEqualTo(words);
  }
}
