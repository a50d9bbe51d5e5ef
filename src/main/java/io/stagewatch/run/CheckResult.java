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
 * @param silenceReason why no notice is sent about the check in this run (a silence or a
 *     maintenance window covers it); null when it is not silenced
 * @param degraded whether it passed slower than its {@code degradedResponseTime}; never true for a
 *     check that did not pass
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
    @Nullable String silenceReason,
    boolean degraded,
    @Nullable Instant certificateExpiry) {

  public CheckResult {
    tags = List.copyOf(tags);
    flags = List.copyOf(flags);
  }

  /** A result that no silence covers, that is not degraded and that recorded no certificate. */
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
    this(id, suite, name, tags, status, attempts, durationMs, message, flags, null, false, null);
  }

  /** The same result, silenced for {@code reason}. */
  public CheckResult withSilenceReason(String reason) {
    return new CheckResult(
        id,
        suite,
        name,
        tags,
        status,
        attempts,
        durationMs,
        message,
        flags,
        reason,
        degraded,
        certificateExpiry);
  }

  /** Whether a silence or a maintenance window holds back every notice about the check. */
  public boolean silenced() {
    return silenceReason != null;
  }
}
