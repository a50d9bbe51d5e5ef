package io.stagewatch.notify;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.AlertPlanner;
import io.stagewatch.store.AlertState;
import io.stagewatch.store.AlertUpdate;
import io.stagewatch.store.OutboxNotice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the policy's decision into what the store writes with the run's end: the new alert states
 * and, for each notice and channel that carries one of its checks, the notice rendered (and masked)
 * for that channel, so a retry sends the same words.
 */
final class NoticePlanner implements AlertPlanner {
  private final AlertPolicy policy;
  private final List<Channel> channels;
  private final Clock clock;

  NoticePlanner(AlertPolicy policy, List<Channel> channels, Clock clock) {
    this.policy = policy;
    this.channels = List.copyOf(channels);
    this.clock = clock;
  }

  @Override
  public AlertUpdate plan(RunResult result, Map<String, AlertState> previous) {
    Instant now = clock.instant();
    AlertPolicy.Decision decision = policy.decide(previous, result, now);
    Map<String, List<String>> tagsById = new HashMap<>();
    for (CheckResult check : result.checks()) {
      tagsById.put(check.id(), check.tags());
    }
    List<OutboxNotice> notices = new ArrayList<>();
    for (int index = 0; index < decision.notices().size(); index++) {
      Notice notice = decision.notices().get(index);
      for (Channel channel : channels) {
        Notice carried = channel.select(notice, tagsById);
        if (carried != null) {
          notices.add(outbox(channel.notifier(), carried, index, now));
        }
      }
    }
    return new AlertUpdate(decision.states(), decision.cleared(), notices);
  }

  /**
   * @param index the notice's place in the run: its id sorts the run's notices (alert, reminder,
   *     recovery) in the order they were decided when a channel's outbox is read back
   */
  private static OutboxNotice outbox(Notifier notifier, Notice notice, int index, Instant now) {
    return new OutboxNotice(
        notice.run().runId() + "/" + index + "/" + notifier.name(),
        notice.run().environment(),
        notifier.name(),
        notice.run().runId(),
        notice.kind().label(),
        notice.checkIds(),
        notifier.render(notice),
        now);
  }
}
