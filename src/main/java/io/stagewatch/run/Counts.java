package io.stagewatch.run;

import java.util.Collection;

/** How many checks ended in each status. {@code passed} does not include {@code flaky}. */
public record Counts(int total, int passed, int flaky, int failed, int error, int skipped) {

  public static Counts of(Collection<CheckResult> results) {
    int passed = 0;
    int flaky = 0;
    int failed = 0;
    int error = 0;
    int skipped = 0;
    for (CheckResult r : results) {
      switch (r.status()) {
        case PASSED -> passed++;
        case FLAKY -> flaky++;
        case FAILED -> failed++;
        case ERROR -> error++;
        case SKIPPED -> skipped++;
      }
    }
    return new Counts(results.size(), passed, flaky, failed, error, skipped);
  }

  /** How many checks ended in {@code status}. */
  public int of(CheckStatus status) {
    return switch (status) {
      case PASSED -> passed;
      case FLAKY -> flaky;
      case FAILED -> failed;
      case ERROR -> error;
      case SKIPPED -> skipped;
    };
  }

  /** Checks that were carried out (not skipped). */
  public int executed() {
    return total - skipped;
  }

  /** Passed (flaky included) over executed, from 0 to 1; 1 when nothing was executed. */
  public double passRate() {
    return executed() == 0 ? 1.0 : (double) (passed + flaky) / executed();
  }
}
