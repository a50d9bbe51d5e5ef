package io.stagewatch.suite;

import java.io.Serial;

/**
 * How the engine tells the platform that a check could not be carried out (ERROR), as opposed to an
 * expectation that did not hold (an {@link AssertionError}, FAILED). It has no stack trace: the
 * message says everything, and traces never reach the console.
 */
public final class CheckErrorException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  public CheckErrorException(String message) {
    super(message, null, false, false);
  }
}
