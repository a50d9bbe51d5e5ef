package io.stagewatch.store;

import io.stagewatch.run.CheckStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One check's result in one stored run, as statistics need it. */
public record StoredResult(
    String runId,
    String checkId,
    CheckStatus status,
    int attempts,
    long durationMs,
    @Nullable String message,
    Instant recordedAt) {}
