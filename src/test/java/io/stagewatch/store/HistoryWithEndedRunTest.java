package io.stagewatch.store;

import static io.stagewatch.store.StoreFixtures.check;
import static io.stagewatch.store.StoreFixtures.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import io.stagewatch.store.jdbc.JdbcResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's runs with a run that just ended, before its end is written: the run shows once,
 * newest, finished, in the series it belongs to and in no other.
 */
class HistoryWithEndedRunTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Series SMOKE = new Series("smoke", "-t smoke");
  private static final Series NIGHTLY = new Series("nightly", "-t nightly");

  @TempDir Path dir;

  @Test
  void theEndedRunIsInTheHistoryOnceNewestAndFinishedBeforeItsEndIsWritten() throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    try (JdbcResultStore store =
        JdbcResultStore.open("jdbc:sqlite:" + dir.resolve("store.db"), dir, clock)) {
      RunInfo earlier = info(NOW.minus(Duration.ofHours(1)), SMOKE);
      store.runStarted(earlier, "test");
      store.runFinished(
          new RunResult(
              earlier,
              earlier.startedAt().plusSeconds(1),
              List.of(check("api/a", CheckStatus.PASSED))));
      RunInfo nightly = info(NOW.minus(Duration.ofMinutes(30)), NIGHTLY);
      store.runStarted(nightly, "test");
      store.runFinished(new RunResult(nightly, nightly.startedAt().plusSeconds(1), List.of()));
      // The run that just ended: its start is written, its end not yet.
      RunInfo now = info(NOW, SMOKE);
      store.runStarted(now, "test");
      RunResult result =
          new RunResult(now, NOW.plusSeconds(2), List.of(check("api/a", CheckStatus.FAILED)));
      AtomicInteger waited = new AtomicInteger();
      RunHistory history =
          new HistoryWithEndedRun(
              store, EndedRun.of(result, "test", NOW.plusSeconds(2)), waited::incrementAndGet);

      assertThat(history.lastRuns("staging", SMOKE, 5))
          .extracting(StoredRun::runId, StoredRun::status)
          .containsExactly(
              tuple(now.runId(), StoredRunStatus.FAILED),
              tuple(earlier.runId(), StoredRunStatus.PASSED));
      assertThat(history.lastRuns("staging", 2))
          .extracting(StoredRun::runId)
          .containsExactly(now.runId(), nightly.runId());
      assertThat(history.lastRuns("staging", NIGHTLY, 5))
          .extracting(StoredRun::runId)
          .containsExactly(nightly.runId());
      assertThat(history.lastRuns("production", 5)).isEmpty();
      assertThat(history.resultsOfLastRuns("staging", SMOKE, 5))
          .extracting(StoredResult::runId, StoredResult::status)
          .containsExactly(
              tuple(earlier.runId(), CheckStatus.PASSED), tuple(now.runId(), CheckStatus.FAILED));
      assertThat(waited).as("nothing waited for the writes").hasValue(0);

      history.uptime("staging", SMOKE, NOW.minus(Duration.ofDays(1)));
      assertThat(waited).as("uptime waits for the run's end to be written").hasValue(1);
    }
  }
}
