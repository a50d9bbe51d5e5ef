package io.stagewatch.notify;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One check named in a notice.
 *
 * @param reason why it fails (already masked); null in a recovery
 * @param down how long it has been (or was) failing
 */
public record NoticeCheck(String id, @Nullable String reason, Duration down) {}
