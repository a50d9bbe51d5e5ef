package io.stagewatch.run;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one check in a run, as every report shows it. The message is already masked: no
 * secret can be in it.
 *
 * @param id {@code <suite>/<name>}
 * @param flags things to point out, such as {@code insecure} (TLS not verified)
 * @param certificateExpiry when the TLS certificate the check saw expires (tls and https checks),
 *     or null
 */
public record CheckResult(
    String id,
    String suite,
    String name,
    List<String> tags,
    CheckStatus status,
    int attempts,
    long durationMs,
    @Nullable String message,
    List<String> flags,
    @Nullable Instant certificateExpiry) {

  public CheckResult {
    tags = List.copyOf(tags);
    flags = List.copyOf(flags);
  }

  /** A result that recorded no certificate. */
  public CheckResult(
      String id,
      String suite,
      String name,
      List<String> tags,
      CheckStatus status,
      int attempts,
      long durationMs,
      @Nullable String message,
      List<String> flags) {
    this(id, suite, name, tags, status, attempts, durationMs, message, flags, null);
  }
}
