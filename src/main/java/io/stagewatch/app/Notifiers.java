package io.stagewatch.app;

import io.stagewatch.config.ChannelConfig;
import io.stagewatch.config.NotifyConfig;
import io.stagewatch.config.PagerDutySection;
import io.stagewatch.config.Secrets;
import io.stagewatch.config.SlackSection;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.config.WebhookSection;
import io.stagewatch.notify.AlertPolicy;
import io.stagewatch.notify.Alerting;
import io.stagewatch.notify.Attempt;
import io.stagewatch.notify.Channel;
import io.stagewatch.notify.Notifier;
import io.stagewatch.notify.pagerduty.PagerDutyNotifier;
import io.stagewatch.notify.slack.SlackNotifier;
import io.stagewatch.notify.webhook.WebhookNotifier;
import io.stagewatch.run.TagMatch;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The notifications a config sets up: the one place that builds notifiers from their sections. */
public final class Notifiers {
  private Notifiers() {}

  /** The configured notifications; empty when no channel is configured. */
  public static Optional<Alerting> of(StagewatchConfig config, Clock clock) {
    NotifyConfig notify = config.notifications();
    if (notify.channels().isEmpty()) {
      return Optional.empty();
    }
    List<Channel> channels =
        notify.channels().stream().map(c -> channel(c, config.secrets())).toList();
    return Optional.of(new Alerting(channels, AlertPolicy.of(notify.policy()), clock));
  }

  /** Every configured channel's notifier, in the config's order; the caller closes them. */
  public static List<Notifier> notifiers(StagewatchConfig config) {
    return config.notifications().channels().stream()
        .map(c -> notifier(c, config.secrets()))
        .toList();
  }

  private static Channel channel(ChannelConfig config, Secrets secrets) {
    String tags = config.tags();
    return new Channel(notifier(config, secrets), tags == null ? null : new TagMatch(tags));
  }

  private static Notifier notifier(ChannelConfig channel, Secrets secrets) {
    return switch (channel.settings()) {
      case SlackSection slack -> SlackNotifier.of(channel.name(), slack, secrets, Attempt.BUDGET);
      case WebhookSection webhook ->
          new WebhookNotifier(channel.name(), webhook, secrets, Attempt.BUDGET);
      case PagerDutySection pagerDuty ->
          new PagerDutyNotifier(channel.name(), pagerDuty, secrets, Attempt.BUDGET);
    };
  }
}
