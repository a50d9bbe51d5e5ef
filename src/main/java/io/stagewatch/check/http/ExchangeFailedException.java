package io.stagewatch.check.http;

import java.io.Serial;

/** An exchange that could not be completed, with the reason already in plain words. */
final class ExchangeFailedException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  ExchangeFailedException(String plainMessage) {
    super(plainMessage, null, false, false);
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? "" : message;
  }
}
