package io.stagewatch.store;

import static io.stagewatch.store.StoreFixtures.check;
import static io.stagewatch.store.StoreFixtures.info;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ended run's results among the earlier ones the store gave, oldest first. */
class EndedRunTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Series SMOKE = new Series("smoke", "-t smoke");

  private static StoredResult earlier(String runId, Instant recordedAt) {
    return new StoredResult(runId, "api/a", CheckStatus.PASSED, 1, 5, null, recordedAt);
  }

  private static EndedRun endedAt(Instant recordedAt) {
    RunInfo info = info(NOW, SMOKE);
    return EndedRun.of(
        new RunResult(info, NOW.plusSeconds(2), List.of(check("api/a", CheckStatus.FAILED))),
        "test",
        recordedAt);
  }

  @Test
  void theRunsOwnResultsComeAfterTheEarlierOnes() {
    List<StoredResult> earlier =
        List.of(earlier("r1", NOW.minusSeconds(60)), earlier("r2", NOW.minusSeconds(30)));
    EndedRun ended = endedAt(NOW.plusSeconds(2));

    assertThat(ended.after(earlier))
        .extracting(StoredResult::runId)
        .containsExactly("r1", "r2", ended.run().runId());
  }

  @Test
  void aClockSetBackStillGivesThemOldestFirst() {
    List<StoredResult> earlier =
        List.of(earlier("r1", NOW.minusSeconds(60)), earlier("r2", NOW.plusSeconds(60)));
    EndedRun ended = endedAt(NOW.plusSeconds(2));

    assertThat(ended.after(earlier))
        .isSortedAccordingTo(Comparator.comparing(StoredResult::recordedAt))
        .extracting(StoredResult::runId)
        .containsExactly("r1", ended.run().runId(), "r2");
  }
}
