package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"500ms, 500", "10s, 10000", "5m, 300000", "24h, 86400000", "2d, 172800000"})
  void writtenDurationsParse(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10", "10 seconds", "1.5s", "-1s", "s", "", "10S"})
  void otherTextIsNotADuration(String text) {
    assertThat(Durations.parse(text)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"500, 500ms", "10000, 10s", "300000, 5m", "86400000, 24h", "1500, 1500ms"})
  void durationsAreShownAsWritten(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
  }
}
