package io.stagewatch.store;

/**
 * The store could not be opened, read or written. The message says what is wrong in words for the
 * person running stagewatch; callers mask it before printing, since a driver may echo a URL.
 */
public final class StoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
