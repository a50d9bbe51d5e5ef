package io.stagewatch.notify;

import java.util.Locale;

/** What a notice says. */
public enum NoticeKind {
  /** Checks started failing (after the failure threshold). */
  ALERT,
  /** Checks that were announced are still failing after the reminder interval. */
  REMINDER,
  /**
   * Checks passed slower than their degradedResponseTime (after the failure threshold), with {@code
   * alertOnDegraded} on.
   */
  DEGRADED,
  /** Checks that were announced pass again. */
  RECOVERY;

  /** The name in the store and in {@code result.json}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
