package io.stagewatch.app;

import io.stagewatch.config.SlackSection;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.notify.AlertPolicy;
import io.stagewatch.notify.Alerting;
import io.stagewatch.notify.slack.SlackNotifier;
import java.time.Clock;
import java.util.Optional;

/** The notifications a config sets up: the one place that builds notifiers from their sections. */
public final class Notifiers {
  private Notifiers() {}

  /** The configured notifications; empty when {@code notify.slack} is not set. */
  public static Optional<Alerting> of(StagewatchConfig config, Clock clock) {
    SlackSection slack = config.slack();
    if (slack == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Alerting(SlackNotifier.of(slack, config.secrets()), AlertPolicy.of(slack), clock));
  }
}
