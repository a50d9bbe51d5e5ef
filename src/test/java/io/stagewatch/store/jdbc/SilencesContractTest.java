package io.stagewatch.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.AlertUpdate;
import io.stagewatch.store.Silence;
import io.stagewatch.store.StoreDatabase;
import io.stagewatch.store.StoredResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's {@link io.stagewatch.store.Silences} role, on SQLite and on PostgreSQL. */
class SilencesContractTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;

  JdbcResultStore open(StoreDatabase db) throws Exception {
    return JdbcResultStore.open(db.freshUrl(dir), dir, Clock.systemUTC());
  }

  static Silence silence(String id, String env, Instant from, Duration lasting) {
    return new Silence(
        id, env, List.of("health", "db"), "smoke & !slow", from, from.plus(lasting), false, "why");
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void silencesAreReadBackActiveInTheirEnvironmentAndEndedEarlyOnce(StoreDatabase db)
      throws Exception {
    try (JdbcResultStore store = open(db)) {
      store.addSilence(silence("a1", "staging", T0, Duration.ofHours(1)));
      store.addSilence(
          new Silence("b2", "staging", List.of(), null, T0, T0.plusSeconds(60), false, "all"));
      store.addSilence(silence("c3", "qa", T0, Duration.ofHours(2)));

      assertThat(store.silence("a1")).contains(silence("a1", "staging", T0, Duration.ofHours(1)));
      assertThat(store.silence("zz")).isEmpty();
      assertThat(store.activeSilences("staging", T0.plusSeconds(30)))
          .extracting(Silence::id)
          .containsExactly("a1", "b2");
      assertThat(store.activeSilences("staging", T0.plusSeconds(60)))
          .as("a silence is over at its end")
          .extracting(Silence::id)
          .containsExactly("a1");
      assertThat(store.activeSilences("staging", T0.minusSeconds(1))).isEmpty();

      Instant later = T0.plusSeconds(600);
      assertThat(store.endSilence("a1", later)).isTrue();
      assertThat(store.endSilence("a1", later.plusSeconds(1))).as("over already").isFalse();
      assertThat(store.endSilence("b2", later)).as("expired already").isFalse();
      Silence ended = store.silence("a1").orElseThrow();
      assertThat(ended.endsAt()).isEqualTo(later);
      assertThat(ended.state(later)).isEqualTo("ended");
      assertThat(store.silence("b2").orElseThrow().state(later)).isEqualTo("expired");
      assertThat(store.activeSilences("staging", later)).isEmpty();

      assertThat(store.silencesEndingAfter(T0.plusSeconds(30)))
          .as("every environment's, the latest to end first")
          .extracting(Silence::id)
          .containsExactly("c3", "a1", "b2");
      assertThat(store.silencesEndingAfter(T0.plusSeconds(3600)))
          .extracting(Silence::id)
          .containsExactly("c3");
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aResultKeepsWhyItWasSilencedAndRetentionForgetsSilencesLongOver(StoreDatabase db)
      throws Exception {
    try (JdbcResultStore store = open(db)) {
      RunInfo info = new RunInfo("run-1", "shop", "staging", "cron", null, T0);
      CheckResult quiet =
          new CheckResult(
                  "db/migrations",
                  "db",
                  "migrations",
                  List.of(),
                  CheckStatus.FAILED,
                  1,
                  5,
                  "boom",
                  List.of())
              .withSilenceReason("deploy 1.4.2");
      CheckResult loud =
          new CheckResult(
              "health/up", "health", "up", List.of(), CheckStatus.PASSED, 1, 5, null, List.of());
      store.runStarted(info, "test");
      store.runFinished(
          new RunResult(info, T0.plusSeconds(1), List.of(quiet, loud)), AlertUpdate.NONE);
      assertThat(store.resultsOfLastRuns("staging", 1))
          .extracting(StoredResult::checkId, StoredResult::silenceReason)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("db/migrations", "deploy 1.4.2"),
              org.assertj.core.groups.Tuple.tuple("health/up", null));

      store.addSilence(
          silence("old", "staging", T0.minus(Duration.ofDays(20)), Duration.ofHours(1)));
      store.addSilence(silence("new", "staging", T0, Duration.ofHours(1)));
      store.deleteRunsStartedBefore(T0.minus(Duration.ofDays(14)));
      assertThat(store.silence("old")).isEmpty();
      assertThat(store.silence("new")).isPresent();
    }
  }
}
