package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankPicksAMeasuredValue() {
    Percentiles p = Percentiles.of(List.of(15L, 20L, 35L, 40L, 50L));

    assertThat(p.at(30)).isEqualTo(20);
    assertThat(p.at(40)).isEqualTo(20);
    assertThat(p.at(50)).isEqualTo(35);
    assertThat(p.at(100)).isEqualTo(50);
  }

  @Test
  void theOrderOfTheValuesDoesNotMatter() {
    Percentiles p = Percentiles.of(List.of(50L, 15L, 40L, 20L, 35L));

    assertThat(p.at(50)).isEqualTo(35);
  }

  @Test
  void p95OfTwentyValuesIsTheNineteenth() {
    List<Long> values = new java.util.ArrayList<>();
    for (long i = 1; i <= 20; i++) {
      values.add(i * 10);
    }

    assertThat(Percentiles.of(values).at(95)).isEqualTo(190);
  }

  @Test
  void aSingleValueIsEveryPercentile() {
    Percentiles p = Percentiles.of(List.of(7L));

    assertThat(p.at(1)).isEqualTo(7);
    assertThat(p.at(95)).isEqualTo(7);
  }

  @Test
  void noValuesHaveNoPercentile() {
    Percentiles p = Percentiles.of(List.of());

    assertThat(p.isEmpty()).isTrue();
    assertThatThrownBy(() -> p.at(50)).isInstanceOf(IllegalStateException.class);
  }
}
