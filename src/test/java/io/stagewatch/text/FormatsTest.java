package io.stagewatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.run.Counts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void durationsReadAsMillisecondsSecondsOrMinutes() {
    assertThat(HumanDuration.format(0)).isEqualTo("0 ms");
    assertThat(HumanDuration.format(42)).isEqualTo("42 ms");
    assertThat(HumanDuration.format(999)).isEqualTo("999 ms");
    assertThat(HumanDuration.format(1_000)).isEqualTo("1.0 s");
    assertThat(HumanDuration.format(1_299)).isEqualTo("1.2 s");
    assertThat(HumanDuration.format(59_999)).isEqualTo("59.9 s");
    assertThat(HumanDuration.format(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
  }

  @Test
  void passRatesArePercentagesWithAtMostOneDecimal() {
    assertThat(PassRate.percent(new Counts(5, 4, 0, 1, 0, 0))).isEqualTo("80");
    assertThat(PassRate.percent(new Counts(3, 1, 1, 1, 0, 0))).isEqualTo("66.7");
    assertThat(PassRate.percent(new Counts(3, 0, 0, 3, 0, 0))).isEqualTo("0");
    assertThat(PassRate.percent(new Counts(2, 1, 0, 0, 0, 1))).isEqualTo("100");
  }

  @Test
  void aRunWithAFailureNeverReadsAHundredPercent() {
    assertThat(PassRate.percent(new Counts(2000, 1999, 0, 1, 0, 0))).isEqualTo("99.9");
  }
}
