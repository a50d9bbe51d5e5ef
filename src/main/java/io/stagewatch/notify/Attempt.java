package io.stagewatch.notify;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One request to a peer and its verdict; {@code retryAfter} is what a 429 asked for. {@link
 * #retried} is the one retry loop every notifier shares.
 */
public record Attempt(Delivery delivery, @Nullable Duration retryAfter) {
  /** How long one message may take, retries included: a run must not hang on a peer. */
  public static final Duration BUDGET = Duration.ofSeconds(5);

  /** The first pause between tries; each next one is twice as long. */
  public static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

  public static Attempt sent() {
    return new Attempt(Delivery.sent(), null);
  }

  public static Attempt retry(String error, @Nullable Duration retryAfter) {
    return new Attempt(Delivery.retryLater(error), retryAfter);
  }

  public static Attempt failed(String error) {
    return new Attempt(Delivery.failed(error), null);
  }

  /**
   * The verdict on an HTTP status that is not a success: 429 (waiting for its {@code Retry-After}),
   * 408 and 5xx may pass later; any other refusal will not.
   *
   * @param peer who answered, as messages name it ({@code Slack})
   * @param body the answer, already masked
   */
  public static Attempt ofStatus(
      String peer, int status, @Nullable String retryAfter, String body) {
    String what = peer + " answered HTTP " + status + (body.isBlank() ? "" : " " + cutBody(body));
    if (status == 429) {
      return retry(what + " (rate limited)", retryAfter(retryAfter));
    }
    if (status >= 500 || status == 408) {
      return retry(what, null);
    }
    return failed(what);
  }

  /**
   * Tries until the delivery is settled or the budget would be overrun by the next pause: what is
   * still failing then is left for the outbox's next round. An interrupt ends the tries.
   */
  public static Delivery retried(Duration budget, Supplier<Attempt> tryOnce) {
    long deadline = System.nanoTime() + budget.toNanos();
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      Attempt attempt = tryOnce.get();
      if (attempt.delivery().outcome() != Delivery.Outcome.RETRY_LATER) {
        return attempt.delivery();
      }
      Duration wait = attempt.retryAfter() != null ? attempt.retryAfter() : backoff;
      if (System.nanoTime() + wait.toNanos() - deadline > 0) {
        return attempt.delivery();
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return attempt.delivery();
      }
      backoff = backoff.multipliedBy(2);
    }
  }

  private static @Nullable Duration retryAfter(@Nullable String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String cutBody(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 199) + "…";
  }
}
