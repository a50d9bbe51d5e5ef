package io.stagewatch.notify;

import io.stagewatch.run.RunResult;
import io.stagewatch.store.AlertPlanner;
import io.stagewatch.store.AlertState;
import io.stagewatch.store.AlertUpdate;
import io.stagewatch.store.OutboxNotice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the policy's decision into what the store writes with the run's end: the new alert states
 * and each notice rendered (and masked) for the notifier, so a retry sends the same words.
 */
final class NoticePlanner implements AlertPlanner {
  private final AlertPolicy policy;
  private final Notifier notifier;
  private final Clock clock;

  NoticePlanner(AlertPolicy policy, Notifier notifier, Clock clock) {
    this.policy = policy;
    this.notifier = notifier;
    this.clock = clock;
  }

  @Override
  public AlertUpdate plan(RunResult result, Map<String, AlertState> previous) {
    Instant now = clock.instant();
    AlertPolicy.Decision decision = policy.decide(previous, result, now);
    List<OutboxNotice> notices = new ArrayList<>();
    for (Notice notice : decision.notices()) {
      notices.add(outbox(notice, notices.size(), now));
    }
    return new AlertUpdate(decision.states(), decision.cleared(), notices);
  }

  /**
   * @param index the notice's place in the run: its id sorts the run's notices (alert, reminder,
   *     recovery) in the order they were decided when the outbox is read back
   */
  OutboxNotice outbox(Notice notice, int index, Instant now) {
    return new OutboxNotice(
        notice.run().runId() + "/" + index,
        notice.run().environment(),
        notice.run().runId(),
        notice.kind().label(),
        notice.checkIds(),
        notifier.render(notice),
        now);
  }
}
