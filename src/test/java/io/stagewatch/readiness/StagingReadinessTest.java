package io.stagewatch.readiness;

import static io.stagewatch.readiness.ReadinessScoreTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.store.StoredRun;
import io.stagewatch.store.StoredRunStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagingReadinessTest {

  static StagingHistory history(int passed, int failed) {
    List<StoredRun> runs = new ArrayList<>();
    for (int i = 0; i < passed; i++) {
      runs.add(run("p" + i, StoredRunStatus.PASSED));
    }
    for (int i = 0; i < failed; i++) {
      runs.add(run("f" + i, StoredRunStatus.FAILED));
    }
    return StagingHistory.of("staging", runs);
  }

  @Test
  void aPassRateAtTheThresholdWithAPassingLatestRunIsReady() {
    StagingReadiness readiness = StagingReadiness.of(history(9, 1), 10, 90, true);

    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.headline()).isEqualTo("READY");
    assertThat(readiness.figures())
        .isEqualTo("staging pass rate 90% (9/10 runs of staging passed), threshold 90");
    assertThat(readiness.reasons()).isEmpty();
    assertThat(readiness.notes()).isEmpty();
  }

  @Test
  void theSameVerdictAsReadinessJudgesTheScoreAndTheLatestRun() {
    StagingReadiness below = StagingReadiness.of(history(8, 2), 10, 90, true);
    assertThat(below.headline()).isEqualTo("NOT READY");
    assertThat(below.reasons()).containsExactly("score 80 is below the threshold 90");

    // Newest first: f0 is the latest run here.
    StagingHistory latestFailed =
        StagingHistory.of(
            "staging",
            List.of(
                run("f0", StoredRunStatus.FAILED),
                run("p1", StoredRunStatus.PASSED),
                run("p2", StoredRunStatus.PASSED)));
    StagingReadiness gated = StagingReadiness.of(latestFailed, 10, 60, true);
    assertThat(gated.ready()).isFalse();
    assertThat(gated.reasons()).containsExactly("the latest staging run of staging failed (f0)");
    assertThat(StagingReadiness.of(latestFailed, 10, 60, false).ready()).isTrue();
  }

  @Test
  void withoutAFinishedRunTheVerdictIsUnknownNotReadyOrFailed() {
    StagingReadiness none =
        StagingReadiness.of(
            StagingHistory.of("staging", List.of(run("r1", StoredRunStatus.ABORTED))),
            10,
            90,
            true);

    assertThat(none.headline()).isEqualTo("UNKNOWN");
    assertThat(none.ready()).isFalse();
    assertThat(none.verdict()).isNull();
    assertThat(none.figures()).isEqualTo("no finished run of staging in the store, threshold 90");
  }

  @Test
  void theBasisSaysWhatTheVerdictRestsOnAndWhatItLeavesOut() {
    assertThat(StagingReadiness.of(history(1, 0), 10, 90, true).basis())
        .contains("staging smoke runs alone")
        .contains("last 10 runs of staging")
        .contains("CI, coverage, security and quality are not part of it");
  }
}
