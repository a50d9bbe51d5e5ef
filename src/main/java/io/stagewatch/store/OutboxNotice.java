package io.stagewatch.store;

import java.time.Instant;
import java.util.List;

/**
 * One message in the outbox: what it is about and the exact payload to send, rendered (and masked)
 * when the run finished so that a later retry sends the same words.
 *
 * @param kind {@code alert}, {@code reminder} or {@code recovery}
 * @param checks the ids of the checks it names
 * @param payload the message as JSON ({@code text} and {@code blocks})
 */
public record OutboxNotice(
    String noticeId,
    String environment,
    String runId,
    String kind,
    List<String> checks,
    String payload,
    Instant createdAt) {

  public OutboxNotice {
    checks = List.copyOf(checks);
  }
}
