package io.stagewatch.report;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Runs built by hand, shared by the report tests. */
public final class SampleRuns {
  public static final Instant STARTED = Instant.parse("2026-11-23T10:00:00Z");
  public static final Instant FINISHED = Instant.parse("2026-11-23T10:00:07.250Z");

  /** Markup characters, quotes, a line break and a control character (BEL). */
  public static final String NASTY_MESSAGE =
      "expected body to contain \"<ok/>\" & 'done'\nbut was: \u0007<html>";

  private SampleRuns() {}

  /**
   * Six checks in two suites, interleaved: one each of passed (insecure), flaky, failed, error and
   * skipped, plus a second pass.
   */
  public static RunResult mixed() {
    RunInfo info = new RunInfo("run-42", "shop", "staging", "manual", "nightly", STARTED);
    return new RunResult(
        info,
        FINISHED,
        List.of(
            check(
                "staging-health",
                "health endpoint",
                CheckStatus.PASSED,
                1,
                42,
                null,
                List.of("insecure")),
            check("checkout", "create order", CheckStatus.FAILED, 1, 880, NASTY_MESSAGE, List.of()),
            check(
                "staging-health",
                "login page",
                CheckStatus.FLAKY,
                2,
                1234,
                "expected status 200 but was 503",
                List.of()),
            check(
                "checkout",
                "payment callback",
                CheckStatus.ERROR,
                3,
                5000,
                "timed out after 5s",
                List.of()),
            check("checkout", "refund", CheckStatus.SKIPPED, 0, 0, "needs create order", List.of()),
            check("staging-health", "version", CheckStatus.PASSED, 1, 15, null, List.of())));
  }

  /** Two passing checks, no project and no label. */
  public static RunResult allPassed() {
    RunInfo info = new RunInfo("run-43", null, "staging", "schedule", null, STARTED);
    return new RunResult(
        info,
        STARTED.plusMillis(300),
        List.of(
            check("staging-health", "health endpoint", CheckStatus.PASSED, 1, 42, null, List.of()),
            check("staging-health", "version", CheckStatus.PASSED, 1, 15, null, List.of())));
  }

  public static CheckResult check(
      String suite,
      String name,
      CheckStatus status,
      int attempts,
      long durationMs,
      @Nullable String message,
      List<String> flags) {
    return new CheckResult(
        suite + "/" + name,
        suite,
        name,
        List.of("smoke"),
        status,
        attempts,
        durationMs,
        message,
        flags);
  }
}
