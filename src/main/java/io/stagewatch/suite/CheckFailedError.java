package io.stagewatch.suite;

import java.io.Serial;

/** An expectation of a YAML check did not hold (FAILED). Like assertion errors, no stack trace. */
public final class CheckFailedError extends AssertionError {
  @Serial private static final long serialVersionUID = 1L;

  public CheckFailedError(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
