package io.stagewatch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code notify:} the policy every channel shares and the channels notices go to. The old form, a
 * lone {@code notify.slack} holding the policy's keys beside its webhook, is read as one Slack
 * channel.
 *
 * @param oldSlackForm whether the config uses the old {@code notify.slack}, for {@code validate} to
 *     show the current form
 */
public record NotifyConfig(
    NotifyPolicy policy, List<ChannelConfig> channels, boolean oldSlackForm) {
  public static final NotifyConfig NONE = new NotifyConfig(NotifyPolicy.DEFAULT, List.of(), false);

  private static final List<String> KINDS = List.of("slack", "webhook", "pagerduty");

  public NotifyConfig {
    channels = List.copyOf(channels);
  }

  /** The first Slack channel's settings; null when there is none. */
  public @Nullable SlackSection slack() {
    for (ChannelConfig channel : channels) {
      if (channel.settings() instanceof SlackSection slack) {
        return slack;
      }
    }
    return null;
  }

  /**
   * This config's {@code notify:} in the current form, for {@code validate} to show when the old
   * one is used. The Slack keys are named, not shown: their values are secrets, to be moved as
   * written.
   */
  public String currentForm() {
    StringBuilder yaml = new StringBuilder("notify:\n  policy:\n");
    yaml.append("    failureThreshold: ").append(policy.failureThreshold()).append('\n');
    yaml.append("    sendOnRecovery: ").append(policy.sendOnRecovery()).append('\n');
    yaml.append("    reminderInterval: ")
        .append(Durations.format(policy.reminderInterval()))
        .append('\n');
    yaml.append("    alertOnDegraded: ").append(policy.alertOnDegraded()).append('\n');
    if (policy.reportUrl() != null) {
      yaml.append("    reportUrl: ").append(policy.reportUrl()).append('\n');
    }
    yaml.append("  channels:\n    - slack:\n");
    SlackSection slack = slack();
    if (slack != null) {
      movedKey(yaml, "webhookUrl", slack.webhookUrl() != null);
      movedKey(yaml, "token", slack.token() != null);
      movedKey(yaml, "channel", slack.channel() != null);
      movedKey(yaml, "apiBaseUrl", !SlackSection.DEFAULT_API_BASE_URL.equals(slack.apiBaseUrl()));
    }
    return yaml.toString();
  }

  private static void movedKey(StringBuilder yaml, String key, boolean written) {
    if (written) {
      yaml.append("        ").append(key).append(": …   # as under notify.slack\n");
    }
  }

  static NotifyConfig read(MapReader notify, Path configFile) {
    MapReader old = notify.child("slack");
    MapReader policyReader = notify.child("policy");
    boolean hasChannels = notify.has("channels");
    List<MapReader> entries = notify.children("channels");
    notify.finish();
    if (old != null) {
      if (policyReader != null || hasChannels) {
        notify.problem(
            "slack", "notify.slack is the old form: move it into notify.channels as a slack entry");
      }
      NotifyPolicy policy = NotifyPolicy.read(old);
      SlackSection slack = SlackSection.read(old);
      old.finish();
      return new NotifyConfig(policy, List.of(new ChannelConfig("slack", null, slack)), true);
    }
    NotifyPolicy policy = NotifyPolicy.DEFAULT;
    if (policyReader != null) {
      policy = NotifyPolicy.read(policyReader);
      policyReader.finish();
    }
    List<ChannelConfig> channels = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (MapReader entry : entries) {
      ChannelConfig channel = channel(entry, configFile);
      if (channel != null && !names.add(channel.name())) {
        entry.problem(
            "another channel is named '"
                + channel.name()
                + "': give each channel of a kind its own name");
      } else if (channel != null) {
        channels.add(channel);
      }
    }
    return new NotifyConfig(policy, channels, false);
  }

  /** One entry: a map with one key, the kind, whose map holds its name, tags and settings. */
  private static @Nullable ChannelConfig channel(MapReader entry, Path configFile) {
    List<String> kinds = entry.keys().stream().filter(KINDS::contains).toList();
    if (kinds.size() != 1) {
      entry.problem("expected exactly one of " + String.join(", ", KINDS) + " in a channel entry");
    }
    MapReader r = kinds.isEmpty() ? null : entry.child(kinds.get(0));
    for (String kind : KINDS) {
      entry.has(kind);
    }
    entry.finish();
    if (r == null) {
      if (kinds.size() == 1) {
        entry.problem(kinds.get(0), "expected the channel's settings, a map");
      }
      return null;
    }
    String name = r.string("name");
    String tags = r.string("tags");
    ChannelConfig.Settings settings =
        switch (kinds.get(0)) {
          case "slack" -> SlackSection.read(r);
          case "webhook" -> WebhookSection.read(r, configFile);
          default -> PagerDutySection.read(r);
        };
    r.finish();
    if (name != null && !ScheduleConfig.NAME.matcher(name).matches()) {
      r.problem("name", ScheduleConfig.badName(name));
    }
    String tagProblem = tags == null ? null : TagExpressions.problem(tags);
    if (tagProblem != null) {
      r.problem("tags", tagProblem);
    }
    if (settings == null) {
      return null;
    }
    return new ChannelConfig(name == null ? settings.kind() : name, tags, settings);
  }
}
