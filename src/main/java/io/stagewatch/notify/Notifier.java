package io.stagewatch.notify;

/**
 * Sends rendered messages somewhere. Implementations read the peer's answer and say whether a retry
 * can help; they never throw for a delivery problem and never put a secret in {@link Delivery}.
 */
public interface Notifier extends AutoCloseable {

  /** What people call it in messages, such as {@code slack}. */
  String name();

  /** Renders a notice as the payload {@link #send} takes; pure, so tests compare payloads. */
  String render(Notice notice);

  /** Sends one payload made by {@link #render}, retrying briefly what a retry can fix. */
  Delivery send(String payload);

  @Override
  void close();
}
