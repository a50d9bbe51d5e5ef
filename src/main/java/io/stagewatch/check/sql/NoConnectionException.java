package io.stagewatch.check.sql;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * No connection could be taken from a database's pool in time: either every connection was busy, or
 * opening a new one failed ({@link #getCause()}) or did not finish.
 */
final class NoConnectionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Duration waited;
  private final boolean busy;

  NoConnectionException(Duration waited, boolean busy, @Nullable Throwable connectFailure) {
    super("no connection within " + waited.toMillis() + " ms", connectFailure);
    this.waited = waited;
    this.busy = busy;
  }

  Duration waited() {
    return waited;
  }

  /** Whether every connection of the pool was in use by other checks. */
  boolean busy() {
    return busy;
  }
}
