package io.stagewatch.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The notices waiting to be sent, written with the run's end that decided them (see {@link
 * RunRecorder#runFinished(io.stagewatch.run.RunResult, AlertUpdate)}) and delivered from here after
 * the run, or by the daemon between runs. A notice is claimed before it is sent and settled after,
 * so that two runs never send the same one and a notifier outage loses none. Each channel has its
 * own rows: one channel's outage never holds another's notices.
 */
public interface NoticeOutbox {

  /**
   * Claims the environment's notices for one channel that wait to be sent, oldest first: pending
   * ones, and ones claimed before {@code staleBefore} by a run that died while sending them. Each
   * is claimed with one conditional update, so two runs never both get the same notice.
   */
  List<OutboxNotice> claimNotices(
      String environment, String channel, Instant now, Instant staleBefore) throws StoreException;

  /** How many of the environment's notices wait to be delivered (pending or being sent). */
  int waitingNotices(String environment) throws StoreException;

  /**
   * Records what became of a claimed notice: SENT, FAILED, or PENDING again to be retried.
   *
   * @param error why it was not delivered, masked; null when it was
   */
  void settleNotice(String noticeId, NoticeStatus status, @Nullable String error, Instant at)
      throws StoreException;
}
