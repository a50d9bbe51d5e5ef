package io.stagewatch.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** {@code notify.slack:}: where alerts go and when. The webhook URL and token are secrets. */
public record SlackConfig(
    @Nullable String webhookUrl,
    @Nullable String token,
    @Nullable String channel,
    int failureThreshold,
    boolean sendOnRecovery,
    Duration reminderInterval,
    @Nullable String reportUrl) {
  public static final int DEFAULT_FAILURE_THRESHOLD = 1;
  public static final Duration DEFAULT_REMINDER_INTERVAL = Duration.ofHours(24);

  static SlackConfig read(MapReader r) {
    String webhookUrl = r.string("webhookUrl");
    String token = r.string("token");
    String channel = r.string("channel");
    Integer threshold = r.integer("failureThreshold", 1, 1000);
    Boolean recovery = r.bool("sendOnRecovery");
    Duration reminder = r.duration("reminderInterval");
    String reportUrl = r.string("reportUrl");
    r.finish();
    if (webhookUrl != null) {
      r.interpolator().secrets().add(webhookUrl);
    }
    if (token != null) {
      r.interpolator().secrets().add(token);
    }
    if (token != null && channel == null) {
      r.problem("channel", "a bot token needs a channel");
    }
    return new SlackConfig(
        webhookUrl,
        token,
        channel,
        threshold != null ? threshold : DEFAULT_FAILURE_THRESHOLD,
        recovery == null || recovery,
        reminder != null ? reminder : DEFAULT_REMINDER_INTERVAL,
        reportUrl);
  }
}
