package io.stagewatch.suite;

import io.stagewatch.check.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * The final outcome of a check after all its attempts.
 *
 * @param flaky whether it passed only after failing; polling until a condition holds is not flaky
 * @param message masked, plain words; null when it passed
 */
public record CheckExecution(
    Verdict verdict, int attempts, boolean flaky, @Nullable String message) {}
