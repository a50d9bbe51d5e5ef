package io.stagewatch.run;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What is known about a run when it starts. */
public record RunInfo(
    String runId,
    @Nullable String project,
    String environment,
    String trigger,
    @Nullable String label,
    Instant startedAt) {}
