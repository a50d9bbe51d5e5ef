package io.stagewatch.suite;

import io.stagewatch.check.AttemptVerdict;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The final outcome of a check after all its attempts.
 *
 * @param flaky whether it passed only after failing; polling until a condition holds is not flaky
 * @param message masked, plain words: why it failed, or what a pass saw (null if nothing)
 * @param captured the values the passing attempt captured, by name (none when it did not pass)
 * @param degraded whether it passed slower than its {@code degradedResponseTime}
 * @param certificateExpiry when the TLS certificate the last attempt saw expires, or null
 */
public record CheckExecution(
    AttemptVerdict verdict,
    int attempts,
    boolean flaky,
    @Nullable String message,
    Map<String, String> captured,
    boolean degraded,
    @Nullable Instant certificateExpiry) {

  public CheckExecution {
    captured = Map.copyOf(captured);
  }

  /** An execution that captured nothing, is not degraded and saw no certificate. */
  public CheckExecution(
      AttemptVerdict verdict, int attempts, boolean flaky, @Nullable String message) {
    this(verdict, attempts, flaky, message, Map.of(), false, null);
  }

  /** An execution that captured nothing and is not degraded: a failure, or its rerun. */
  public CheckExecution(
      AttemptVerdict verdict,
      int attempts,
      boolean flaky,
      @Nullable String message,
      @Nullable Instant certificateExpiry) {
    this(verdict, attempts, flaky, message, Map.of(), false, certificateExpiry);
  }
}
