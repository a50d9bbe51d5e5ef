package io.stagewatch.notify;

import io.stagewatch.config.NotifyPolicy;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a run is worth saying, per check: a check alerts once after {@code failureThreshold}
 * failed runs in a row; while it keeps failing it is reminded about every {@code reminderInterval};
 * when it passes again (a flaky pass counts) it recovers. FLAKY results never alert. Checks that
 * were not run, or were skipped, keep their state. A silenced check (a silence or maintenance
 * window covers it) is judged the same, but nothing is said about it: its streak keeps counting,
 * and since it was not announced, a check still failing when the silence ends alerts at the next
 * run; a check that recovers while silenced is forgotten without a word. Pure: the time is passed
 * in.
 *
 * <p>With {@code alertOnDegraded}, a check degraded (passed slower than its degradedResponseTime)
 * in {@code failureThreshold} runs in a row alerts as degraded, once, without reminders; when it
 * passes in time again it recovers. A degraded check that fails starts a streak of failures, and
 * one announced as degraded alerts at once: it was already known to be in trouble. A failing check
 * that passes degraded recovers from its failure and starts a degraded streak.
 */
public final class AlertPolicy {
  private final int failureThreshold;
  private final boolean sendOnRecovery;
  private final Duration reminderInterval;
  private final @Nullable String reportUrl;
  private final boolean alertOnDegraded;

  public AlertPolicy(
      int failureThreshold,
      boolean sendOnRecovery,
      Duration reminderInterval,
      @Nullable String reportUrl,
      boolean alertOnDegraded) {
    this.failureThreshold = failureThreshold;
    this.sendOnRecovery = sendOnRecovery;
    this.reminderInterval = reminderInterval;
    this.reportUrl = reportUrl;
    this.alertOnDegraded = alertOnDegraded;
  }

  public static AlertPolicy of(NotifyPolicy policy) {
    return new AlertPolicy(
        policy.failureThreshold(),
        policy.sendOnRecovery(),
        policy.reminderInterval(),
        policy.reportUrl(),
        policy.alertOnDegraded());
  }

  /**
   * What to remember and what to say.
   *
   * @param states the new state of every failing check
   * @param cleared the checks whose state is dropped because they passed
   * @param notices at most one per kind: one alert grouping every check that newly alerts
   */
  public record Decision(List<AlertState> states, List<String> cleared, List<Notice> notices) {}

  public Decision decide(Map<String, AlertState> previous, RunResult result, Instant now) {
    List<AlertState> states = new ArrayList<>();
    List<String> cleared = new ArrayList<>();
    List<NoticeCheck> alerts = new ArrayList<>();
    List<NoticeCheck> reminders = new ArrayList<>();
    List<NoticeCheck> degraded = new ArrayList<>();
    List<NoticeCheck> recoveries = new ArrayList<>();
    for (CheckResult check : result.checks()) {
      @Nullable AlertState before = previous.get(check.id());
      if (check.status().isFailure()) {
        states.add(failed(check, before, result, now, alerts, reminders));
      } else if (alertOnDegraded && check.degraded()) {
        if (before != null && !before.degraded()) {
          recovered(check, before, now, recoveries);
          before = null;
        }
        states.add(degraded(check, before, result, now, degraded));
      } else if (check.status().isPass() && before != null) {
        cleared.add(check.id());
        recovered(check, before, now, recoveries);
      }
    }
    List<Notice> notices = new ArrayList<>();
    addNotice(notices, NoticeKind.ALERT, alerts, result);
    addNotice(notices, NoticeKind.REMINDER, reminders, result);
    addNotice(notices, NoticeKind.DEGRADED, degraded, result);
    addNotice(notices, NoticeKind.RECOVERY, recoveries, result);
    return new Decision(states, cleared, notices);
  }

  /** The end of an announced streak, failing or degraded, is a recovery. */
  private void recovered(
      CheckResult check, AlertState before, Instant now, List<NoticeCheck> recoveries) {
    if (before.alerting() && sendOnRecovery && !check.silenced()) {
      Duration down = Duration.between(before.failingSince(), now);
      recoveries.add(new NoticeCheck(check.id(), null, down, before.degraded()));
    }
  }

  /** A degraded run: the streak goes on, and alerts once it is failureThreshold runs long. */
  private AlertState degraded(
      CheckResult check,
      @Nullable AlertState before,
      RunResult result,
      Instant now,
      List<NoticeCheck> degraded) {
    int runs = before == null ? 1 : before.consecutiveFailures() + 1;
    Instant since = before == null ? result.info().startedAt() : before.failingSince();
    boolean alerting = before != null && before.alerting();
    @Nullable Instant lastNotice = before == null ? null : before.lastNoticeAt();
    if (!alerting && runs >= failureThreshold && !check.silenced()) {
      degraded.add(
          new NoticeCheck(check.id(), check.message(), Duration.between(since, now), true));
      alerting = true;
      lastNotice = now;
    }
    return new AlertState(check.id(), runs, alerting, since, lastNotice, true);
  }

  private AlertState failed(
      CheckResult check,
      @Nullable AlertState before,
      RunResult result,
      Instant now,
      List<NoticeCheck> alerts,
      List<NoticeCheck> reminders) {
    // A degraded streak ends here; one that was announced escalates at once.
    boolean escalates = before != null && before.degraded() && before.alerting();
    AlertState streak = before != null && before.degraded() ? null : before;
    int failures = streak == null ? 1 : streak.consecutiveFailures() + 1;
    Instant since = streak == null ? result.info().startedAt() : streak.failingSince();
    boolean alerting = streak != null && streak.alerting();
    @Nullable Instant lastNotice = streak == null ? null : streak.lastNoticeAt();
    NoticeCheck named = new NoticeCheck(check.id(), check.message(), Duration.between(since, now));
    if (check.silenced()) {
      // Held back, not sent: the state stays unannounced so the alert goes out once it ends.
      return new AlertState(check.id(), failures, alerting, since, lastNotice);
    }
    if (!alerting && (failures >= failureThreshold || escalates)) {
      alerts.add(named);
      alerting = true;
      lastNotice = now;
    } else if (alerting
        && (lastNotice == null || !now.isBefore(lastNotice.plus(reminderInterval)))) {
      reminders.add(named);
      lastNotice = now;
    }
    return new AlertState(check.id(), failures, alerting, since, lastNotice);
  }

  private void addNotice(
      List<Notice> notices, NoticeKind kind, List<NoticeCheck> checks, RunResult result) {
    if (checks.isEmpty()) {
      return;
    }
    List<String> flaky =
        result.checks().stream()
            .filter(c -> c.status() == CheckStatus.FLAKY)
            .map(CheckResult::id)
            .toList();
    notices.add(
        new Notice(
            kind,
            result.info(),
            result.duration(),
            result.counts().failed() + result.counts().error(),
            result.counts().total(),
            checks,
            flaky,
            reportUrl));
  }
}
