package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.notify.NoticeReport;
import io.stagewatch.notify.Notifications;
import io.stagewatch.run.RunOptions;
import io.stagewatch.run.Runner;
import io.stagewatch.schedule.Schedule;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.SlotRunner;
import io.stagewatch.store.RunLockedException;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoreSession;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's runs: the same path as {@code stagewatch run --trigger schedule}, with the slot as
 * the run's label. Under the environment's run lock it first asks the store whether a run of the
 * slot exists; so daemons sharing one store run each slot once, whichever gets the lock first.
 * Between slots it delivers the notices still waiting in the store's outbox (a Slack outage during
 * a run does not hold an alert back until the next slot), and applies retention once at the start
 * and then every {@link #RETENTION_EVERY} (a daemon whose slots are far apart, or whose runs all
 * fail to be recorded, still prunes its store).
 */
final class SlotRun implements SlotRunner {
  /** How long a slot waits for a run of the environment that holds the run lock. */
  static final Duration LOCK_WAIT = Duration.ofMinutes(1);

  /** How often, at most, the store is opened between slots to deliver waiting notices. */
  static final Duration OUTBOX_EVERY = Duration.ofSeconds(15);

  /** How often, at most, retention is applied between slots. */
  static final Duration RETENTION_EVERY = Duration.ofHours(1);

  /** How soon retention is tried again after the store failed it. */
  static final Duration RETENTION_RETRY = Duration.ofMinutes(1);

  private final StagewatchCommand root;
  private final Workspace workspace;
  private final Path reportDir;
  private final Duration lockWait;
  private final @Nullable Notifications notifications;
  private final Duration outboxEvery;
  private final Duration retentionEvery;
  private long nextOutboxNanos = System.nanoTime();
  private long nextRetentionNanos = System.nanoTime();

  /**
   * @param notifications the daemon's notifier, alive as long as the daemon; null without one
   */
  SlotRun(
      StagewatchCommand root,
      Workspace workspace,
      Path reportDir,
      Duration lockWait,
      @Nullable Notifications notifications) {
    this(root, workspace, reportDir, lockWait, notifications, OUTBOX_EVERY, RETENTION_EVERY);
  }

  /**
   * @param outboxEvery how often, at most, {@link #idle} delivers waiting notices
   * @param retentionEvery how often, at most, {@link #idle} applies retention
   */
  SlotRun(
      StagewatchCommand root,
      Workspace workspace,
      Path reportDir,
      Duration lockWait,
      @Nullable Notifications notifications,
      Duration outboxEvery,
      Duration retentionEvery) {
    this.root = root;
    this.workspace = workspace;
    this.reportDir = reportDir;
    this.lockWait = lockWait;
    this.notifications = notifications;
    this.outboxEvery = outboxEvery;
    this.retentionEvery = retentionEvery;
  }

  /**
   * Applies retention when it is due (once at the start, then every {@code retentionEvery}) and
   * delivers the notices waiting in the store's outbox, at most every {@code outboxEvery}; the
   * store is opened once for both. A store or notifier problem is printed, masked, and tried again
   * later; it never stops the daemon.
   */
  @Override
  public void idle() {
    long now = System.nanoTime();
    boolean retentionDue = now - nextRetentionNanos >= 0;
    Notifications n = notifications;
    boolean outboxDue = n != null && now - nextOutboxNanos >= 0;
    if (!retentionDue && !outboxDue) {
      return;
    }
    if (outboxDue) {
      nextOutboxNanos = now + outboxEvery.toNanos();
    }
    if (retentionDue) {
      nextRetentionNanos = now + retentionEvery.toNanos();
    }
    StagewatchConfig config = workspace.config();
    JdbcResultStore store;
    try {
      store = JdbcResultStore.open(config.store().url(), RunAndReport.baseDir(config.file()));
    } catch (StoreException | RuntimeException e) {
      if (retentionDue) {
        retryRetention(now);
      }
      root.err.println(
          "stagewatch: the store could not be opened between runs: "
              + config.secrets().maskedMessage(e));
      return;
    }
    try (store) {
      if (retentionDue) {
        applyRetention(store, config, now);
      }
      if (n != null && outboxDue) {
        deliverOutbox(store, config, n);
      }
    }
  }

  private void applyRetention(JdbcResultStore store, StagewatchConfig config, long now) {
    int days = config.store().retentionDays();
    Instant cutoff = Instant.now().minus(Duration.ofDays(days));
    try {
      int deleted = store.deleteRunsStartedBefore(cutoff);
      root.err.println(
          "stagewatch: retention: "
              + deleted
              + (deleted == 1 ? " run" : " runs")
              + " older than "
              + days
              + (days == 1 ? " day" : " days")
              + " deleted");
    } catch (StoreException | RuntimeException e) {
      retryRetention(now);
      root.err.println(
          "stagewatch: retention could not be applied between runs: "
              + config.secrets().maskedMessage(e));
    }
  }

  /** After a store failure retention is tried again soon, not an interval later. */
  private void retryRetention(long now) {
    Duration retry =
        retentionEvery.compareTo(RETENTION_RETRY) < 0 ? retentionEvery : RETENTION_RETRY;
    nextRetentionNanos = now + retry.toNanos();
  }

  private void deliverOutbox(JdbcResultStore store, StagewatchConfig config, Notifications n) {
    try {
      for (NoticeReport report : n.deliverOutbox(store, config.environment().name())) {
        RunNotifications.print(root, n.notifierName(), report, config.secrets());
      }
    } catch (StoreException | RuntimeException e) {
      root.err.println(
          "stagewatch: "
              + n.notifierName()
              + ": the waiting notices could not be sent between runs: "
              + config.secrets().maskedMessage(e));
    }
  }

  @Override
  public SlotOutcome run(Schedule schedule, Instant slot) throws ConfigException {
    StagewatchConfig config = workspace.config();
    RunOptions options =
        new RunOptions(
            schedule.tags(),
            schedule.suites(),
            RunOptions.DEFAULT_PARALLELISM,
            false,
            List.of(),
            RunCommand.Trigger.schedule.name(),
            schedule.label(slot));
    StoreSession session;
    try {
      session =
          RunAndReport.openStore(
              config, lockWait, notifications == null ? null : notifications.planner());
    } catch (RunLockedException e) {
      return SlotOutcome.LOCKED;
    }
    int exit;
    try (session) {
      if (session.recentlyRan(config.environment().name(), schedule.label(slot))) {
        return SlotOutcome.ALREADY_RAN;
      }
      Runner runner = new Runner(config, workspace.suites(), options);
      exit =
          RunAndReport.runAndWrite(
              root, runner, options, reportDir, session, config, notifications);
    }
    session
        .problem()
        .ifPresent(
            p ->
                root.err.println(
                    "stagewatch: the run was not recorded: " + config.secrets().maskedMessage(p)));
    if (session.problem().isPresent()) {
      return SlotOutcome.NOT_RECORDED;
    }
    return switch (exit) {
      case ExitCodes.PASSED -> SlotOutcome.PASSED;
      case ExitCodes.FAILED -> SlotOutcome.FAILED;
      default -> SlotOutcome.NOT_RECORDED;
    };
  }
}
