package io.stagewatch.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A finished run: what was run, when, and every check's result in the order they were planned. */
public record RunResult(RunInfo info, Instant finishedAt, List<CheckResult> checks) {

  public RunResult {
    checks = List.copyOf(checks);
  }

  public Counts counts() {
    return Counts.of(checks);
  }

  public RunStatus status() {
    return checks.stream().anyMatch(c -> c.status().isFailure())
        ? RunStatus.FAILED
        : RunStatus.PASSED;
  }

  public Duration duration() {
    return Duration.between(info.startedAt(), finishedAt);
  }
}
