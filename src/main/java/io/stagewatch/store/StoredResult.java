package io.stagewatch.store;

import io.stagewatch.run.CheckStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One check's result in one stored run, as statistics need it.
 *
 * @param silenceReason why the run sent no notice about the check; null when it was not silenced
 * @param degraded whether it passed slower than its degradedResponseTime ({@code message} says by
 *     how much); false in stores written before the mark was kept
 */
public record StoredResult(
    String runId,
    String checkId,
    CheckStatus status,
    int attempts,
    long durationMs,
    @Nullable String message,
    Instant recordedAt,
    @Nullable String silenceReason,
    boolean degraded) {

  /** A result recorded without a silence or a degraded mark. */
  public StoredResult(
      String runId,
      String checkId,
      CheckStatus status,
      int attempts,
      long durationMs,
      @Nullable String message,
      Instant recordedAt) {
    this(runId, checkId, status, attempts, durationMs, message, recordedAt, null, false);
  }
}
