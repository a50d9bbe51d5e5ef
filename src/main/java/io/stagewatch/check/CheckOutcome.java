package io.stagewatch.check;

import org.jspecify.annotations.Nullable;

/** What one attempt of a check found, with a message in plain words when it did not pass. */
public record CheckOutcome(Verdict verdict, @Nullable String message) {
  private static final CheckOutcome PASS = new CheckOutcome(Verdict.PASSED, null);

  public static CheckOutcome passed() {
    return PASS;
  }

  public static CheckOutcome failed(String message) {
    return new CheckOutcome(Verdict.FAILED, message);
  }

  public static CheckOutcome error(String message) {
    return new CheckOutcome(Verdict.ERROR, message);
  }

  public boolean isPassed() {
    return verdict == Verdict.PASSED;
  }
}
