package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two series are the same when their names and selections are, as the store keys them. */
class SeriesTest {
  @Test
  void seriesAreEqualByNameAndSelection() {
    Series smoke = new Series("smoke", "-t smoke");

    assertThat(new Series("smoke", "-t smoke")).isEqualTo(smoke).hasSameHashCodeAs(smoke);
    assertThat(new Series("nightly", "-t smoke")).isNotEqualTo(smoke);
    assertThat(new Series("smoke", "-t db")).isNotEqualTo(smoke);
    assertThat(new Series(Series.ADHOC, "")).isEqualTo(Series.ALL_ADHOC);
    assertThat(smoke).isNotEqualTo("smoke");

    Map<Series, Integer> runs = new HashMap<>();
    runs.merge(smoke, 1, Integer::sum);
    runs.merge(new Series("smoke", "-t smoke"), 1, Integer::sum);
    runs.merge(new Series("adhoc", "-t smoke"), 1, Integer::sum);
    assertThat(runs).containsEntry(smoke, 2).hasSize(2);
  }
}
