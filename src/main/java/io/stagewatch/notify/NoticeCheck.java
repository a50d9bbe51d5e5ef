package io.stagewatch.notify;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One check named in a notice.
 *
 * @param reason why it fails, or how slow it was when degraded (already masked); null in a recovery
 * @param down how long it has been (or was) failing, or degraded
 * @param degraded whether the streak is of degraded passes rather than failures
 */
public record NoticeCheck(String id, @Nullable String reason, Duration down, boolean degraded) {

  /** A check named for failing, or for recovering from failures. */
  public NoticeCheck(String id, @Nullable String reason, Duration down) {
    this(id, reason, down, false);
  }
}
