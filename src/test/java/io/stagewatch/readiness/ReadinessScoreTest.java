package io.stagewatch.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewatch.config.Weights;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.StoredRunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadinessScoreTest {

  static ComponentInput input(Component component, @Nullable Double value) {
    return value == null
        ? ComponentInput.missing(component, "not given")
        : new ComponentInput(component, "test", value, "");
  }

  static List<ComponentInput> inputs(
      @Nullable Double ci,
      @Nullable Double coverage,
      @Nullable Double security,
      @Nullable Double quality) {
    List<ComponentInput> inputs = new ArrayList<>();
    inputs.add(input(Component.CI, ci));
    inputs.add(input(Component.COVERAGE, coverage));
    inputs.add(input(Component.SECURITY, security));
    inputs.add(input(Component.QUALITY, quality));
    inputs.add(input(Component.STAGING, null));
    return inputs;
  }

  /**
   * Hand-checked with the default weights 40/30/20/10 and threshold 90: for instance 80·0.4 +
   * 80·0.3 + 80·0.2 + 79·0.1 = 32 + 24 + 16 + 7.9 = 79.9. Security 75 is one SARIF error, 63 is one
   * error, one warning and one note. Empty cells are missing inputs: (100·40 + 80·30) / 70 = 91.4.
   */
  @ParameterizedTest(name = "ci {0}, coverage {1}, security {2}, quality {3} -> {4} {5}")
  @CsvSource({
    "80, 80, 80, 79, 79.9, POOR, false",
    "80, 80, 80, 80, 80, FAIR, false",
    "90, 90, 90, 89, 89.9, FAIR, false",
    "90, 90, 90, 90, 90, GOOD, true",
    "95, 95, 95, 94, 94.9, GOOD, true",
    "100, 100, 75, 100, 95, EXCELLENT, true",
    "99.85, 100, 75, 100, 94.9, GOOD, true",
    "100, 86.9, 63, 86, 87.3, FAIR, false",
    "100, 80, , , 91.4, GOOD, true",
    ", , 63, , 63, POOR, false",
    "100, , , 0, 80, FAIR, false"
  })
  void theScoreBandAndVerdictAtTheBandEdges(
      @Nullable Double ci,
      @Nullable Double coverage,
      @Nullable Double security,
      @Nullable Double quality,
      double score,
      Band band,
      boolean ready)
      throws InputException {
    ReadinessScore result =
        ReadinessScore.of(inputs(ci, coverage, security, quality), Weights.DEFAULT);

    assertThat(result.score()).isEqualTo(score);
    assertThat(result.band()).isEqualTo(band);
    assertThat(Verdict.of(result, 90, null, true).ready()).isEqualTo(ready);
  }

  @Test
  void missingInputsAreNamedAndTheirWeightIsShared() throws InputException {
    ReadinessScore result = ReadinessScore.of(inputs(100.0, 80.0, null, null), Weights.DEFAULT);

    assertThat(result.missing())
        .containsExactly(Component.SECURITY, Component.QUALITY, Component.STAGING);
    assertThat(result.note()).startsWith("missing: security, quality (weight 30)");
    assertThat(result.rows().get(0).share())
        .isCloseTo(57.14, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void noInputAtAllIsAnError() {
    assertThatThrownBy(() -> ReadinessScore.of(inputs(null, null, null, null), Weights.DEFAULT))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no readiness input");
  }

  @Test
  void aWeightedStagingPassRateCountsLikeAnyComponent() throws InputException {
    List<ComponentInput> in = inputs(100.0, 100.0, 100.0, 100.0);
    in.set(4, input(Component.STAGING, 50.0));

    ReadinessScore result = ReadinessScore.of(in, new Weights(40, 30, 20, 10, 100));

    assertThat(result.score()).isEqualTo(75);
  }

  @Test
  void aFailedLatestStagingRunBlocksAnExcellentScore() throws InputException {
    ReadinessScore excellent =
        ReadinessScore.of(inputs(100.0, 100.0, 100.0, 100.0), Weights.DEFAULT);
    StagingHistory staging =
        StagingHistory.of(
            "staging",
            List.of(run("r3", StoredRunStatus.FAILED), run("r2", StoredRunStatus.PASSED)));

    Verdict gated = Verdict.of(excellent, 90, staging, true);
    Verdict ungated = Verdict.of(excellent, 90, staging, false);

    assertThat(gated.ready()).isFalse();
    assertThat(gated.reasons()).containsExactly("the latest staging run of staging failed (r3)");
    assertThat(ungated.ready()).isTrue();
  }

  @Test
  void theStagingGateLooksAtTheLatestFinishedRun() {
    StagingHistory staging =
        StagingHistory.of(
            "staging",
            List.of(
                run("r4", StoredRunStatus.ABORTED),
                run("r3", StoredRunStatus.PASSED),
                run("r2", StoredRunStatus.FAILED)));

    assertThat(staging.latestFailed()).isFalse();
    assertThat(staging.input().value()).isEqualTo(50.0);
  }

  static StoredRun run(String id, StoredRunStatus status) {
    Instant start = Instant.parse("2026-11-23T10:00:00Z");
    return new StoredRun(
        id,
        "staging",
        null,
        "cron",
        null,
        start,
        status.isFinished() ? start.plusSeconds(5) : null,
        status,
        new io.stagewatch.run.Counts(1, 1, 0, 0, 0, 0),
        null,
        null);
  }
}
