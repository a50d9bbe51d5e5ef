package io.stagewatch.store;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.Series;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Runs and results of the environment {@code staging}, as the store tests record them. */
final class StoreFixtures {
  private StoreFixtures() {}

  /** A cron run of the project {@code shop} in {@code staging}, with an id of its own. */
  static RunInfo info(Instant startedAt, Series series) {
    return new RunInfo(
        UUID.randomUUID().toString(), "shop", "staging", "cron", null, startedAt, series);
  }

  /** The result of the check {@code suite/name} tagged smoke; a failure says {@code got 500}. */
  static CheckResult check(String id, CheckStatus status) {
    String[] parts = id.split("/", 2);
    return new CheckResult(
        id,
        parts[0],
        parts[1],
        List.of("smoke"),
        status,
        1,
        10,
        status.isFailure() ? "got 500" : null,
        List.of());
  }
}
