package io.stagewatch.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0, POOR",
    "79.9, POOR",
    "80, FAIR",
    "89.9, FAIR",
    "90, GOOD",
    "94.9, GOOD",
    "95, EXCELLENT",
    "100, EXCELLENT"
  })
  void aScoreFallsInTheBandItsLowerEdgeStartsFrom(double score, Band expected) {
    assertThat(Band.of(score)).isEqualTo(expected);
  }
}
