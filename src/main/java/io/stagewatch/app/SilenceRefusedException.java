package io.stagewatch.app;

import java.io.Serial;

/** A silence that cannot be added or ended as asked; nothing was changed. */
public final class SilenceRefusedException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  public SilenceRefusedException(String message) {
    super(message);
  }
}
