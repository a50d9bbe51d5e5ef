package io.stagewatch.suite;

import io.stagewatch.check.AttemptVerdict;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The final outcome of a check after all its attempts.
 *
 * @param flaky whether it passed only after failing; polling until a condition holds is not flaky
 * @param message masked, plain words: why it failed, or what a pass saw (null if nothing)
 * @param captured the values the passing attempt captured, by name (none when it did not pass)
 */
public record CheckExecution(
    AttemptVerdict verdict,
    int attempts,
    boolean flaky,
    @Nullable String message,
    Map<String, String> captured) {

  public CheckExecution {
    captured = Map.copyOf(captured);
  }

  /** An execution that captured nothing. */
  public CheckExecution(
      AttemptVerdict verdict, int attempts, boolean flaky, @Nullable String message) {
    this(verdict, attempts, flaky, message, Map.of());
  }
}
