package io.stagewatch.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the alert policy remembers about one check of one environment while it fails. A check that
 * passes has no state: its row is deleted.
 *
 * @param consecutiveFailures failed runs in a row, the current one included
 * @param alerting whether an alert went out for this streak
 * @param failingSince when the first failing run of the streak started
 * @param lastNoticeAt when the last alert or reminder about it was written; null before any
 */
public record AlertState(
    String checkId,
    int consecutiveFailures,
    boolean alerting,
    Instant failingSince,
    @Nullable Instant lastNoticeAt) {}
