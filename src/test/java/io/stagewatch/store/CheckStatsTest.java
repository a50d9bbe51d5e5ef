package io.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.run.CheckStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckStatsTest {
  private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

  private static StoredResult result(
      String run, String check, CheckStatus status, long ms, String message, int minute) {
    return new StoredResult(run, check, status, 1, ms, message, T0.plusSeconds(60L * minute));
  }

  @Test
  void skippedRunsCountForNothingButTheRows() {
    List<CheckStats> stats =
        CheckStats.of(
            List.of(
                result("r1", "shop/up", CheckStatus.PASSED, 100, null, 0),
                result("r2", "shop/up", CheckStatus.SKIPPED, 0, null, 1),
                result("r3", "shop/up", CheckStatus.FLAKY, 300, null, 2),
                result("r4", "shop/up", CheckStatus.FAILED, 200, "got 500", 3)));
    CheckStats up = stats.get(0);
    assertThat(up.executed()).isEqualTo(3);
    assertThat(up.passed()).isEqualTo(2);
    assertThat(up.passRate()).isEqualTo(2.0 / 3);
    assertThat(up.flaky()).isEqualTo(1);
    assertThat(up.p50Ms()).isEqualTo(200);
    assertThat(up.p95Ms()).isEqualTo(300);
  }

  @Test
  void theLastFailureIsTheLatestWhateverTheOrder() {
    CheckStats up =
        CheckStats.of(
                List.of(
                    result("r3", "shop/up", CheckStatus.ERROR, 10, "refused", 5),
                    result("r1", "shop/up", CheckStatus.FAILED, 10, "got 500", 1),
                    result("r2", "shop/up", CheckStatus.PASSED, 10, null, 9)))
            .get(0);
    assertThat(up.lastFailure()).isEqualTo("refused");
    assertThat(up.lastFailureAt()).isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void checksComeInIdOrderAndOnlySkippedRunsPassByDefault() {
    List<CheckStats> stats =
        CheckStats.of(
            List.of(
                result("r1", "shop/z", CheckStatus.SKIPPED, 0, null, 0),
                result("r1", "shop/a", CheckStatus.PASSED, 50, null, 0)));
    assertThat(stats).extracting(CheckStats::id).containsExactly("shop/a", "shop/z");
    CheckStats skippedOnly = stats.get(1);
    assertThat(skippedOnly.executed()).isZero();
    assertThat(skippedOnly.passRate()).isEqualTo(1.0);
    assertThat(skippedOnly.p50Ms()).isZero();
    assertThat(skippedOnly.lastFailure()).isNull();
  }
}
