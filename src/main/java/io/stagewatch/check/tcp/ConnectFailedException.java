package io.stagewatch.check.tcp;

import io.stagewatch.check.CheckOutcome;

/** A connection that could not be made, with the outcome that says why in plain words. */
public final class ConnectFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient CheckOutcome outcome;

  ConnectFailedException(CheckOutcome outcome) {
    super(outcome.message());
    this.outcome = outcome;
  }

  public CheckOutcome outcome() {
    return outcome;
  }
}
