package io.stagewatch.notify;

import io.stagewatch.run.RunResult;
import io.stagewatch.store.AlertPlanner;
import io.stagewatch.store.NoticeOutbox;
import io.stagewatch.store.NoticeStatus;
import io.stagewatch.store.OutboxNotice;
import io.stagewatch.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Alerting for one run. With a store, {@link #planner()} writes the notices into the store's outbox
 * with the run's end, and {@link #deliverOutbox} then sends every notice still waiting, this run's
 * and any an earlier run could not deliver. Without a store there is no history: every check is
 * judged on this run alone and the notices are sent directly, with nothing kept to retry.
 */
public final class Alerting implements AutoCloseable {
  /**
   * A notice claimed longer ago than this by a run that never settled it (it was killed while
   * sending) is sent again: a duplicate is better than a lost alert.
   */
  public static final Duration STALE_CLAIM = Duration.ofMinutes(10);

  private final Notifier notifier;
  private final AlertPolicy policy;
  private final Clock clock;

  public Alerting(Notifier notifier, AlertPolicy policy, Clock clock) {
    this.notifier = notifier;
    this.policy = policy;
    this.clock = clock;
  }

  public String notifierName() {
    return notifier.name();
  }

  public AlertPlanner planner() {
    return new NoticePlanner(policy, notifier, clock);
  }

  /**
   * Sends the environment's waiting notices, oldest first, and records what became of each. Once
   * Slack is unavailable the rest are not tried: they stay pending, in order, for the next run, and
   * the run is held up by one delivery budget at most.
   */
  public List<NoticeReport> deliverOutbox(NoticeOutbox outbox, String environment)
      throws StoreException {
    Instant now = clock.instant();
    List<NoticeReport> reports = new ArrayList<>();
    @Nullable Delivery unavailable = null;
    for (OutboxNotice notice : outbox.claimNotices(environment, now, now.minus(STALE_CLAIM))) {
      Delivery delivery =
          unavailable != null
              ? Delivery.retryLater("not tried, as an earlier one failed: " + unavailable.error())
              : notifier.send(notice.payload());
      if (delivery.outcome() == Delivery.Outcome.RETRY_LATER && unavailable == null) {
        unavailable = delivery;
      }
      NoticeStatus status = delivery.outcome().status();
      outbox.settleNotice(notice.noticeId(), status, delivery.error(), clock.instant());
      reports.add(
          new NoticeReport(
              notice.kind(), notice.runId(), notice.checks(), status, delivery.error()));
    }
    return reports;
  }

  /** Without a store: judges the run alone and sends its notices now, keeping nothing. */
  public List<NoticeReport> sendDirectly(RunResult result) {
    NoticePlanner planner = new NoticePlanner(policy, notifier, clock);
    List<NoticeReport> reports = new ArrayList<>();
    for (OutboxNotice notice : planner.plan(result, Map.of()).notices()) {
      Delivery delivery = notifier.send(notice.payload());
      // Nothing keeps an undelivered notice for a later run: it is lost, so it is a failure.
      NoticeStatus status =
          delivery.outcome() == Delivery.Outcome.SENT ? NoticeStatus.SENT : NoticeStatus.FAILED;
      String error =
          delivery.error() == null ? null : delivery.error() + " (no store to retry from)";
      reports.add(new NoticeReport(notice.kind(), notice.runId(), notice.checks(), status, error));
    }
    return reports;
  }

  @Override
  public void close() {
    notifier.close();
  }
}
