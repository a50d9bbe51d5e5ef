package io.stagewatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

  @Test
  void pointsAreScaledToTheSlowestRunInTenths() {
    // x steps 80/3 apart; y = 17 - duration * 16 / 300, rounded half up to one decimal.
    assertThat(CheckTable.sparkline(List.of(300L, 7L, 1L, 150L)))
        .isEqualTo(
            "<svg class=\"spark\" width=\"80\" height=\"18\" role=\"img\""
                + " aria-label=\"latency, up to 300 ms\"><polyline fill=\"none\" stroke=\"#36c\""
                + " stroke-width=\"1.5\" points=\"0.0,1.0 26.7,16.6 53.3,16.9 80.0,9.0\"/></svg>");
  }

  @Test
  void halfATenthRoundsUp() {
    // 65 points: x steps 1.25 apart, so the second lands on 1.25 and shows as 1.3.
    List<Long> durations = java.util.Collections.nCopies(65, 10L);
    assertThat(CheckTable.sparkline(durations)).contains("points=\"0.0,1.0 1.3,1.0 2.5,1.0 ");
  }

  @Test
  void runsThatTookNoTimeSitOnTheBaseline() {
    assertThat(CheckTable.sparkline(List.of(0L, 0L)))
        .contains("up to 1 ms")
        .contains("points=\"0.0,17.0 80.0,17.0\"");
  }

  @Test
  void oneRunDrawsNoLine() {
    assertThat(CheckTable.sparkline(List.of(120L))).isEmpty();
  }
}
