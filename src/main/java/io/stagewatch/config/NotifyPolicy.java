package io.stagewatch.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code notify.policy:} when a check is worth a notice, the same for every channel: the alert
 * state is kept per environment and check, and each channel only chooses where the notices go.
 *
 * @param reportUrl the link every notice carries; null when none is configured
 * @param alertOnDegraded whether checks degraded for failureThreshold runs in a row alert too
 */
public record NotifyPolicy(
    int failureThreshold,
    boolean sendOnRecovery,
    Duration reminderInterval,
    @Nullable String reportUrl,
    boolean alertOnDegraded) {
  public static final int DEFAULT_FAILURE_THRESHOLD = 1;
  public static final Duration DEFAULT_REMINDER_INTERVAL = Duration.ofHours(24);
  public static final NotifyPolicy DEFAULT =
      new NotifyPolicy(DEFAULT_FAILURE_THRESHOLD, true, DEFAULT_REMINDER_INTERVAL, null, false);

  /**
   * Reads the policy's keys from {@code r}: {@code notify.policy}, or the old {@code notify.slack}
   * where they sat beside the webhook. The caller finishes the reader.
   */
  static NotifyPolicy read(MapReader r) {
    Integer threshold = r.integer("failureThreshold", 1, 1000);
    Boolean recovery = r.bool("sendOnRecovery");
    Duration reminder = r.duration("reminderInterval");
    String reportUrl = r.string("reportUrl");
    Boolean alertOnDegraded = r.bool("alertOnDegraded");
    return new NotifyPolicy(
        threshold != null ? threshold : DEFAULT_FAILURE_THRESHOLD,
        recovery == null || recovery,
        reminder != null ? reminder : DEFAULT_REMINDER_INTERVAL,
        reportUrl,
        Boolean.TRUE.equals(alertOnDegraded));
  }
}
