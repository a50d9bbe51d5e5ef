package io.stagewatch.check;

/**
 * Questions about an exception's cause chain, for the check kinds that turn what a client library
 * throws into plain words: the useful exception is often wrapped several times.
 */
public final class Causes {
  private Causes() {}

  /** Whether {@code t} or any of its causes is a {@code type}. */
  public static boolean has(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}
