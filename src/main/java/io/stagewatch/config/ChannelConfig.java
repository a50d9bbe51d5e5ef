package io.stagewatch.config;

import org.jspecify.annotations.Nullable;

/**
 * One {@code notify.channels:} entry: where notices go, under a name that is unique in the config.
 *
 * @param name the entry's {@code name:}, else its kind ({@code slack}, {@code webhook}, {@code
 *     pagerduty}); it names the channel in the outbox, the console, {@code result.json} and metrics
 * @param tags a tag expression: the channel carries only the checks it selects; null for all
 * @param settings the kind's own settings
 */
public record ChannelConfig(String name, @Nullable String tags, Settings settings) {

  /** The settings of one kind of channel. */
  public sealed interface Settings permits SlackSection, WebhookSection, PagerDutySection {
    /** The channel's key in {@code notify.channels}, and its name unless one is given. */
    String kind();
  }
}
