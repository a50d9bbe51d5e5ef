package io.stagewatch.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.config.Weights;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadinessRenderingTest {
  static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

  ReadinessResult result(ReadinessResult.Previous previous) throws InputException {
    ReadinessScore score =
        ReadinessScore.of(ReadinessScoreTest.inputs(100.0, 80.0, null, null), Weights.DEFAULT);
    return new ReadinessResult(score, Verdict.of(score, 90, null, true), AT, previous);
  }

  @Test
  void theTableShowsMissingInputsAndHowTheyWereHandled() throws InputException {
    String text = ReadinessText.render(result(null));

    assertThat(text)
        .containsPattern("CI pass rate +test +100 +40 \\(57\\.1%\\) +57\\.1 +excellent")
        .containsPattern("Security +missing +missing +20 +- +- +not given")
        .contains("Readiness 91.4 (good), trend new, threshold 90: READY")
        .contains("  note: staging gate not applied: no finished staging run in the store")
        .contains("  note: missing: security, quality (weight 30) - their weight was shared");
  }

  @Test
  void theTrendIsTheChangeSinceThePreviousResult() throws InputException {
    ReadinessResult result = result(new ReadinessResult.Previous(88.9, AT.minusSeconds(3600)));

    assertThat(result.trendText()).isEqualTo("+2.5");
    assertThat(ReadinessText.render(result)).contains("trend +2.5 since 2026-11-23T11:00:00Z");
    assertThat(ReadinessJson.previous(ReadinessJson.render(result)))
        .isEqualTo(new ReadinessResult.Previous(91.4, AT));
  }

  @Test
  void theMarkdownSectionIsATableWithTheVerdictAbove() throws InputException {
    String md = ReadinessMarkdown.render(result(null));

    assertThat(md)
        .startsWith(
            "## Release readiness\n\n**Ready**: score **91.4** (good), threshold 90, trend new")
        .contains("| Component | Input | Value | Weight | Contribution | Band | Detail |")
        .contains("| Line coverage | test | 80 | 30 (42.9%) | 34.3 | fair |  |")
        .contains("- Note: missing: security, quality");
  }
}
