package io.stagewatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.run.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverviewTest {
  static CheckState check(String status, boolean silenced, boolean degraded) {
    CheckStatus s = CheckStatus.valueOf(status);
    return new CheckState(
        "suite/" + status,
        s,
        List.of(s),
        List.of(40L),
        List.of(),
        1,
        null,
        null,
        silenced ? "deploy" : null,
        degraded ? "slow" : null);
  }

  @ParameterizedTest
  @CsvSource({
    "PASSED, false, false, PASSING",
    "PASSED, false, true, WARNING",
    "FLAKY, false, false, WARNING",
    "FAILED, true, false, WARNING",
    "PASSED, true, false, PASSING",
    "ERROR, false, false, FAILING",
    "SKIPPED, false, false, PASSING"
  })
  void theVerdictBesideAPassingCheckIsTheWorstThatMatters(
      String status, boolean silenced, boolean degraded, Overview.Verdict verdict) {
    List<CheckState> checks =
        List.of(check("PASSED", false, false), check(status, silenced, degraded));
    long silencedFailing =
        checks.stream().filter(c -> c.silenceReason() != null && c.status().isFailure()).count();
    assertThat(Overview.verdict(Overview.counts(checks), silencedFailing)).isEqualTo(verdict);
  }

  @Test
  void aPageWithNoCheckPassedHasNoVerdict() {
    assertThat(Overview.verdict(Overview.counts(List.of()), 0)).isEqualTo(Overview.Verdict.NONE);
    assertThat(Overview.verdict(Overview.counts(List.of(check("SKIPPED", false, false))), 0))
        .isEqualTo(Overview.Verdict.NONE);
  }

  @ParameterizedTest
  @CsvSource({
    "FAILED, true, false, SILENCED",
    "PASSED, true, true, SILENCED",
    "FLAKY, false, true, DEGRADED",
    "FLAKY, false, false, FLAKY",
    "SKIPPED, false, false, SKIPPED"
  })
  void eachCheckCountsOnceSilencedBeforeDegradedBeforeItsStatus(
      String status, boolean silenced, boolean degraded, PageState state) {
    assertThat(check(status, silenced, degraded).state()).isEqualTo(state);
  }
}
