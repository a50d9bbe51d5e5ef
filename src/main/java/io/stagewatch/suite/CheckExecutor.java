package io.stagewatch.suite;

/**
 * Carries out a check with its retries and deadline. The engine calls it from several threads at
 * once; it must never throw and never hang past the check's own time budget.
 */
public interface CheckExecutor {
  CheckExecution execute(CheckDefinition check);
}
