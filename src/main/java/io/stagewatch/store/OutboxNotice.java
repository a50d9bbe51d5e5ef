package io.stagewatch.store;

import java.time.Instant;
import java.util.List;

/**
 * One message in the outbox: what it is about and the exact payload to send, rendered (and masked)
 * when the run finished so that a later retry sends the same words.
 *
 * @param channel the name of the channel it goes to
 * @param kind {@code alert}, {@code reminder} or {@code recovery}
 * @param checks the ids of the checks it names
 * @param payload the message as the channel sends it (JSON)
 */
public record OutboxNotice(
    String noticeId,
    String environment,
    String channel,
    String runId,
    String kind,
    List<String> checks,
    String payload,
    Instant createdAt) {

  public OutboxNotice {
    checks = List.copyOf(checks);
  }
}
