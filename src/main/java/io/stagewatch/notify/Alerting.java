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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Alerting for one run, to every configured channel. With a store, {@link #planner()} writes the
 * notices into the store's outbox with the run's end, one row per notice and channel, and {@link
 * #deliverOutbox} then sends every notice still waiting, this run's and any an earlier run could
 * not deliver. Without a store there is no history: every check is judged on this run alone and the
 * notices are sent directly, with nothing kept to retry. Channels are sent to at the same time,
 * each on a thread of its own, so that one channel's outage or timeout never delays another's
 * notices.
 */
public final class Alerting implements AutoCloseable {
  /**
   * A notice claimed longer ago than this by a run that never settled it (it was killed while
   * sending) is sent again: a duplicate is better than a lost alert.
   */
  public static final Duration STALE_CLAIM = Duration.ofMinutes(10);

  private final List<Channel> channels;
  private final AlertPolicy policy;
  private final Clock clock;

  public Alerting(List<Channel> channels, AlertPolicy policy, Clock clock) {
    this.channels = List.copyOf(channels);
    this.policy = policy;
    this.clock = clock;
  }

  /** Alerting to one channel that carries every check. */
  public Alerting(Notifier notifier, AlertPolicy policy, Clock clock) {
    this(List.of(Channel.of(notifier)), policy, clock);
  }

  public AlertPlanner planner() {
    return new NoticePlanner(policy, channels, clock);
  }

  /**
   * Sends the environment's waiting notices, each channel's oldest first, and records what became
   * of each. Once a channel is unavailable its later notices are not tried: they stay pending, in
   * order, for the next run, and the run is held up by one delivery budget at most.
   *
   * @throws StoreException when a channel's notices could not be claimed or settled; the other
   *     channels were still delivered
   */
  public List<NoticeReport> deliverOutbox(NoticeOutbox outbox, String environment)
      throws StoreException {
    return eachChannel(
        channel -> {
          Instant now = clock.instant();
          List<OutboxNotice> claimed =
              outbox.claimNotices(environment, channel.name(), now, now.minus(STALE_CLAIM));
          return deliver(channel, claimed, outbox, true);
        });
  }

  /** Without a store: judges the run alone and sends its notices now, keeping nothing. */
  public List<NoticeReport> sendDirectly(RunResult result) {
    List<OutboxNotice> planned = planner().plan(result, Map.of()).notices();
    try {
      return eachChannel(
          channel ->
              deliver(
                  channel,
                  planned.stream().filter(n -> n.channel().equals(channel.name())).toList(),
                  null,
                  false));
    } catch (StoreException e) {
      throw new IllegalStateException("no store is written without one", e);
    }
  }

  /**
   * Sends one channel's notices in order and settles each in the outbox, if there is one.
   *
   * @param kept whether an undelivered notice is kept for a later run
   */
  private List<NoticeReport> deliver(
      Channel channel, List<OutboxNotice> notices, @Nullable NoticeOutbox outbox, boolean kept)
      throws StoreException {
    List<NoticeReport> reports = new ArrayList<>();
    @Nullable Delivery unavailable = null;
    for (OutboxNotice notice : notices) {
      Delivery delivery =
          unavailable != null
              ? Delivery.retryLater("not tried, as an earlier one failed: " + unavailable.error())
              : channel.notifier().send(notice.payload());
      if (delivery.outcome() == Delivery.Outcome.RETRY_LATER && unavailable == null) {
        unavailable = delivery;
      }
      NoticeStatus status = delivery.outcome().status();
      String error = delivery.error();
      if (!kept && status != NoticeStatus.SENT) {
        // Nothing keeps an undelivered notice for a later run: it is lost, so it is a failure.
        status = NoticeStatus.FAILED;
        error = error + " (no store to retry from)";
      }
      if (outbox != null) {
        outbox.settleNotice(notice.noticeId(), status, error, clock.instant());
      }
      reports.add(
          new NoticeReport(
              channel.name(), notice.kind(), notice.runId(), notice.checks(), status, error));
    }
    return reports;
  }

  /** One channel's part of a delivery round. */
  private interface ChannelRound {
    List<NoticeReport> deliver(Channel channel) throws StoreException;
  }

  /**
   * Runs {@code round} for every channel at once, each on a virtual thread, and returns the reports
   * in the channels' order. A lone channel is served on the calling thread.
   */
  private List<NoticeReport> eachChannel(ChannelRound round) throws StoreException {
    if (channels.size() == 1) {
      return round.deliver(channels.get(0));
    }
    List<NoticeReport> reports = new ArrayList<>();
    @Nullable StoreException failure = null;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<NoticeReport>>> rounds = new ArrayList<>();
      for (Channel channel : channels) {
        rounds.add(threads.submit(() -> round.deliver(channel)));
      }
      for (Future<List<NoticeReport>> future : rounds) {
        try {
          reports.addAll(future.get());
        } catch (ExecutionException e) {
          failure = storeFailure(e.getCause(), failure);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return reports;
  }

  private static StoreException storeFailure(
      @Nullable Throwable cause, @Nullable StoreException first) {
    if (cause instanceof StoreException e) {
      if (first != null) {
        first.addSuppressed(e);
        return first;
      }
      return e;
    }
    if (cause instanceof RuntimeException e) {
      throw e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(cause);
  }

  @Override
  public void close() {
    for (Channel channel : channels) {
      channel.notifier().close();
    }
  }
}
