package io.stagewatch.check.http;

import io.stagewatch.check.CheckOutcome;
import java.io.Serial;

/**
 * An exchange that could not be completed, with the reason already in plain words, and whether no
 * retry can change it.
 */
final class ExchangeFailedException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  private final boolean permanent;

  ExchangeFailedException(String plainMessage) {
    this(plainMessage, false);
  }

  ExchangeFailedException(String plainMessage, boolean permanent) {
    super(plainMessage, null, false, false);
    this.permanent = permanent;
  }

  /** Whether the same request would fail the same way however often it is sent. */
  boolean permanent() {
    return permanent;
  }

  /** The outcome of the attempt that failed so. */
  CheckOutcome outcome() {
    return permanent ? CheckOutcome.permanentError(getMessage()) : CheckOutcome.error(getMessage());
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? "" : message;
  }
}
