package io.stagewatch.check.http;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * The part of a response body that was kept.
 *
 * @param truncated true when the body went on past the cap and the rest was not read
 */
record CappedBody(byte[] bytes, boolean truncated) {
  private static final long KIB = 1024;
  private static final long MIB = KIB * KIB;

  String text(Charset charset) {
    return new String(bytes, charset);
  }

  /** A byte count as messages show it: {@code 512 bytes}, {@code 3 KB}, {@code 1 MiB}. */
  static String size(long bytes) {
    if (bytes < KIB) {
      return bytes + " bytes";
    }
    if (bytes < MIB) {
      return bytes / KIB + " KB";
    }
    if (bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
  }
}
