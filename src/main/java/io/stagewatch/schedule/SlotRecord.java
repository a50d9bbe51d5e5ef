package io.stagewatch.schedule;

import java.time.Instant;

/** One slot the daemon fired: when it ran and how it ended. */
public record SlotRecord(
    String schedule, Instant slot, Instant started, Instant finished, SlotOutcome outcome) {}
