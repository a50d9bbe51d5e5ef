package io.stagewatch.suite;

import io.stagewatch.check.AttemptVerdict;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The final outcome of a check after all its attempts.
 *
 * @param flaky whether it passed only after failing; polling until a condition holds is not flaky
 * @param message masked, plain words: why it failed, or what a pass saw (null if nothing)
 * @param certificateExpiry when the TLS certificate the last attempt saw expires, or null
 */
public record CheckExecution(
    AttemptVerdict verdict,
    int attempts,
    boolean flaky,
    @Nullable String message,
    @Nullable Instant certificateExpiry) {

  public CheckExecution(
      AttemptVerdict verdict, int attempts, boolean flaky, @Nullable String message) {
    this(verdict, attempts, flaky, message, null);
  }
}
