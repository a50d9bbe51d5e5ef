package io.stagewatch.suite;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Carries out a check with its retries and deadline. The engine calls it from several threads at
 * once; it must never throw and never hang past the check's own time budget.
 */
public interface CheckExecutor {
  CheckExecution execute(CheckDefinition check);

  /**
   * Carries out a check that refers to values captured by earlier checks of its suite, with {@code
   * values} (every one it {@link CheckDefinition#uses uses}) filled in.
   */
  default CheckExecution execute(CheckDefinition check, Map<String, String> values) {
    return execute(check);
  }

  /** Why the check cannot run against this environment at all, or null when it can. */
  default @Nullable String skipReason(CheckDefinition check) {
    return null;
  }
}
