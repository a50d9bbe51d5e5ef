package io.stagewatch.notify;

import io.stagewatch.readiness.ReadinessResult;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sends rendered messages somewhere. Implementations read the peer's answer and say whether a retry
 * can help; they never throw for a delivery problem and never put a secret in {@link Delivery}.
 */
public interface Notifier extends AutoCloseable {

  /**
   * The channel's name, such as {@code slack}: it names the channel in the outbox, messages and
   * metrics, so two channels of one kind have different names.
   */
  String name();

  /** Renders a notice as the payload {@link #send} takes; pure, so tests compare payloads. */
  String render(Notice notice);

  /**
   * Renders a readiness result for {@code readiness --notify}; empty when the channel sends none
   * (PagerDuty pages about staging, not about releases).
   */
  default Optional<String> renderReadiness(ReadinessResult result, @Nullable String project) {
    return Optional.empty();
  }

  /** Sends one payload made by {@link #render}, retrying briefly what a retry can fix. */
  Delivery send(String payload);

  @Override
  void close();
}
