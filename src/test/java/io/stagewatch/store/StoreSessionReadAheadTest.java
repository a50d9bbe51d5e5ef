package io.stagewatch.store;

import static io.stagewatch.store.StoreFixtures.check;
import static io.stagewatch.store.StoreFixtures.info;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunListener;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import io.stagewatch.store.jdbc.JdbcResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The window after a run, made of the earlier runs read ahead while the run went on and the run
 * itself as it ended, is the window the store has once the run is written, on SQLite and on a real
 * PostgreSQL.
 */
class StoreSessionReadAheadTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Series SMOKE = new Series(Series.ADHOC, "tags=smoke");

  @TempDir Path dir;

  private static String record(RunRecorder store, RunInfo info, List<CheckResult> checks)
      throws StoreException {
    store.runStarted(info, "test");
    for (CheckResult c : checks) {
      store.checkFinished(info.runId(), c);
    }
    store.runFinished(new RunResult(info, info.startedAt().plusSeconds(2), checks));
    return info.runId();
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void theWindowReadAheadIsTheWindowReadAtTheEnd(StoreDatabase db) throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    String url = db.freshUrl(dir);
    JdbcResultStore store = JdbcResultStore.open(url, dir, clock);
    String expired =
        record(
            store,
            info(NOW.minus(Duration.ofDays(20)), SMOKE),
            List.of(check("api/a", CheckStatus.PASSED)));
    String earlier =
        record(
            store,
            info(NOW.minus(Duration.ofHours(2)), SMOKE),
            List.of(check("api/a", CheckStatus.FAILED), check("api/b", CheckStatus.PASSED)));
    String otherSeries =
        record(
            store,
            info(NOW.minus(Duration.ofHours(1)), new Series(Series.ADHOC, "tags=slow")),
            List.of(check("api/z", CheckStatus.PASSED)));
    // Killed before its end: found aborted when the session starts, results kept.
    RunInfo killed = info(NOW.minus(Duration.ofMinutes(30)), SMOKE);
    store.runStarted(killed, "test");
    store.checkFinished(killed.runId(), check("api/a", CheckStatus.PASSED));

    RunInfo now = info(NOW, SMOKE);
    RecentRuns recent;
    try (StoreSession session =
        StoreSession.start(store, "staging", Duration.ZERO, Duration.ofDays(14), null, clock)) {
      session.readAhead("staging", SMOKE, 5, 20);
      List<CheckResult> checks =
          List.of(
              check("api/a", CheckStatus.PASSED),
              check("api/b", CheckStatus.FAILED).withSilenceReason("deploy"));
      RunListener listener = session.listener();
      listener.runStarted(now, checks.size());
      checks.forEach(listener::checkFinished);
      RunResult result = new RunResult(now, NOW.plusSeconds(2), checks);
      listener.runFinished(result);

      // The run's end may still be being written: the window has the run as it ended.
      recent = session.finish(result, 5, 20);
    }

    assertThat(recent).isNotNull();
    assertThat(recent.runs())
        .extracting(StoredRun::runId)
        .containsExactly(now.runId(), killed.runId(), earlier);
    assertThat(recent.results())
        .isSortedAccordingTo(Comparator.comparing(StoredResult::recordedAt))
        .extracting(StoredResult::runId)
        .containsOnly(now.runId(), killed.runId(), earlier)
        .doesNotContain(expired, otherSeries);
    assertThat(recent.results()).hasSize(5);
    try (JdbcResultStore written = JdbcResultStore.open(url, dir, clock)) {
      assertThat(recent.runs())
          .as("the window is the store's, once the run is written")
          .containsExactlyElementsOf(written.lastRuns("staging", SMOKE, 20));
      assertThat(recent.results())
          .containsExactlyInAnyOrderElementsOf(written.resultsOfLastRuns("staging", SMOKE, 20));
    }
  }
}
