package io.stagewatch.notify;

import io.stagewatch.store.NoticeStatus;
import org.jspecify.annotations.Nullable;

/**
 * How sending one message went.
 *
 * @param error what went wrong in plain words, masked; null when it was delivered
 */
public record Delivery(Outcome outcome, @Nullable String error) {

  public enum Outcome {
    SENT,
    /** Slack was down, slow or rate-limiting: a later attempt may succeed. */
    RETRY_LATER,
    /** Slack refused the message for a reason a retry cannot fix. */
    FAILED;

    NoticeStatus status() {
      return switch (this) {
        case SENT -> NoticeStatus.SENT;
        case RETRY_LATER -> NoticeStatus.PENDING;
        case FAILED -> NoticeStatus.FAILED;
      };
    }
  }

  public static Delivery sent() {
    return new Delivery(Outcome.SENT, null);
  }

  public static Delivery retryLater(String error) {
    return new Delivery(Outcome.RETRY_LATER, error);
  }

  public static Delivery failed(String error) {
    return new Delivery(Outcome.FAILED, error);
  }
}
