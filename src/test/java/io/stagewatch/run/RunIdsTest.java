package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunIdsTest {

  @Test
  void anIdIsAVersionSevenUuidCarryingTheStartTime() {
    Instant startedAt = Instant.parse("2026-11-23T19:26:52.123Z");

    UUID id = UUID.fromString(RunIds.next(startedAt));

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(startedAt.toEpochMilli());
  }

  @Test
  void idsOfTheSameMillisecondDiffer() {
    Instant startedAt = Instant.parse("2026-11-23T19:26:52.123Z");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(RunIds.next(startedAt));
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void idsSortByStartTime() {
    Instant first = Instant.parse("2026-11-23T19:26:52.123Z");

    String earlier = RunIds.next(first);
    String later = RunIds.next(first.plusMillis(1));
    String muchLater = RunIds.next(first.plusSeconds(86_400L * 365));

    assertThat(earlier).isLessThan(later);
    assertThat(later).isLessThan(muchLater);
  }
}
