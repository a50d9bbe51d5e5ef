package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.notify.Notifications;
import io.stagewatch.run.RunOptions;
import io.stagewatch.run.Runner;
import io.stagewatch.schedule.Schedule;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.SlotRunner;
import io.stagewatch.store.RunLockedException;
import io.stagewatch.store.StoreSession;
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
 */
final class SlotRun implements SlotRunner {
  /** How long a slot waits for a run of the environment that holds the run lock. */
  static final Duration LOCK_WAIT = Duration.ofMinutes(1);

  private final StagewatchCommand root;
  private final Workspace workspace;
  private final Path reportDir;
  private final Duration lockWait;
  private final @Nullable Notifications notifications;

  /**
   * @param notifications the daemon's notifier, alive as long as the daemon; null without one
   */
  SlotRun(
      StagewatchCommand root,
      Workspace workspace,
      Path reportDir,
      Duration lockWait,
      @Nullable Notifications notifications) {
    this.root = root;
    this.workspace = workspace;
    this.reportDir = reportDir;
    this.lockWait = lockWait;
    this.notifications = notifications;
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
