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
 * a run does not hold an alert back until the next slot).
 */
final class SlotRun implements SlotRunner {
  /** How long a slot waits for a run of the environment that holds the run lock. */
  static final Duration LOCK_WAIT = Duration.ofMinutes(1);

  /** How often, at most, the store is opened between slots to deliver waiting notices. */
  static final Duration OUTBOX_EVERY = Duration.ofSeconds(15);

  private final StagewatchCommand root;
  private final Workspace workspace;
  private final Path reportDir;
  private final Duration lockWait;
  private final @Nullable Notifications notifications;
  private final Duration outboxEvery;
  private long nextOutboxNanos = System.nanoTime();

  /**
   * @param notifications the daemon's notifier, alive as long as the daemon; null without one
   */
  SlotRun(
      StagewatchCommand root,
      Workspace workspace,
      Path reportDir,
      Duration lockWait,
      @Nullable Notifications notifications) {
    this(root, workspace, reportDir, lockWait, notifications, OUTBOX_EVERY);
  }

  /**
   * @param outboxEvery how often, at most, {@link #idle} delivers waiting notices
   */
  SlotRun(
      StagewatchCommand root,
      Workspace workspace,
      Path reportDir,
      Duration lockWait,
      @Nullable Notifications notifications,
      Duration outboxEvery) {
    this.root = root;
    this.workspace = workspace;
    this.reportDir = reportDir;
    this.lockWait = lockWait;
    this.notifications = notifications;
    this.outboxEvery = outboxEvery;
  }

  /**
   * Delivers the notices waiting in the store's outbox, at most every {@code outboxEvery}. A store
   * or notifier problem is printed, masked, and tried again later; it never stops the daemon.
   */
  @Override
  public void idle() {
    Notifications n = notifications;
    if (n == null || System.nanoTime() - nextOutboxNanos < 0) {
      return;
    }
    nextOutboxNanos = System.nanoTime() + outboxEvery.toNanos();
    StagewatchConfig config = workspace.config();
    try (JdbcResultStore store =
        JdbcResultStore.open(config.store().url(), RunAndReport.baseDir(config.file()))) {
      for (NoticeReport report : n.deliverOutbox(store, config.environment().name())) {
        RunNotifications.print(root, n.notifierName(), report, config.secrets());
      }
    } catch (StoreException | RuntimeException e) {
      root.err.println(
          "stagewatch: "
              + n.notifierName()
              + ": the waiting notices could not be sent between runs: "
              + config.secrets().mask(String.valueOf(e.getMessage())));
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
                    "stagewatch: the run was not recorded: "
                        + config.secrets().mask(String.valueOf(p.getMessage()))));
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
