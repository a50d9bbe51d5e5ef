package io.stagewatch.store;

import java.util.Locale;

/** Where a notice in the outbox stands. */
public enum NoticeStatus {
  /** Written, not delivered yet: the next delivery attempt picks it up. */
  PENDING,
  /** Claimed by a run that is sending it now. */
  SENDING,
  SENT,
  /** Slack refused it for a reason a retry cannot fix (bad token, unknown channel, bad payload). */
  FAILED;

  /** The name in the store and in {@code result.json}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
