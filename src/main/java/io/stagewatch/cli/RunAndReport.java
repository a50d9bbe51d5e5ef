package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.config.ReadinessConfig;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.notify.Notifications;
import io.stagewatch.readiness.StagingHistory;
import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.ConsoleReporter;
import io.stagewatch.report.GitHubActions;
import io.stagewatch.report.ReportFile;
import io.stagewatch.report.ReportFiles;
import io.stagewatch.report.ReportWriter;
import io.stagewatch.report.html.PageView;
import io.stagewatch.report.json.JsonResultReport;
import io.stagewatch.report.json.NotificationJson;
import io.stagewatch.report.markdown.MarkdownSummaryReport;
import io.stagewatch.run.RunListener;
import io.stagewatch.run.RunOptions;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.RunStatus;
import io.stagewatch.run.Runner;
import io.stagewatch.store.AlertPlanner;
import io.stagewatch.store.RecentRuns;
import io.stagewatch.store.RunLockedException;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoreSession;
import io.stagewatch.store.WindowFigures;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One run from start to exit code, shared by {@code run} and {@code demo}. */
final class RunAndReport {
  private RunAndReport() {}

  /**
   * @param waitLock how long to wait for the environment's run lock; null to run without a store
   * @param notify whether to send notifications (when configured)
   */
  static int execute(
      StagewatchCommand root,
      Workspace workspace,
      RunOptions options,
      Path reportDir,
      @Nullable Duration waitLock,
      boolean notify)
      throws ConfigException {
    StagewatchConfig config = workspace.config();
    Optional<Notifications> notifications =
        notify ? Notifications.of(config, Clock.systemUTC()) : Optional.empty();
    try {
      return execute(root, workspace, options, reportDir, waitLock, notifications.orElse(null));
    } finally {
      notifications.ifPresent(Notifications::close);
    }
  }

  private static int execute(
      StagewatchCommand root,
      Workspace workspace,
      RunOptions options,
      Path reportDir,
      @Nullable Duration waitLock,
      @Nullable Notifications notifications)
      throws ConfigException {
    StagewatchConfig config = workspace.config();
    Runner runner = new Runner(config, workspace.suites(), options);
    StoreSession session;
    try {
      session =
          waitLock == null
              ? StoreSession.none()
              : openStore(config, waitLock, notifications == null ? null : notifications.planner());
    } catch (RunLockedException e) {
      root.err.println(
          "stagewatch: "
              + config.secrets().maskedMessage(e)
              + "; nothing was run (wait for it with --wait-lock DURATION)");
      return ExitCodes.LOCKED;
    }
    int exit;
    try (session) {
      exit = runAndWrite(root, runner, options, reportDir, session, config, notifications);
    }
    Optional<StoreException> problem = session.problem();
    if (problem.isPresent() && exit != ExitCodes.INTERNAL) {
      root.err.println(
          "stagewatch: the run was not recorded: " + config.secrets().maskedMessage(problem.get()));
      return ExitCodes.INTERNAL;
    }
    return exit;
  }

  static int runAndWrite(
      StagewatchCommand root,
      Runner runner,
      RunOptions options,
      Path reportDir,
      StoreSession session,
      StagewatchConfig config,
      @Nullable Notifications notifications)
      throws ConfigException {
    ConsoleReporter console =
        new ConsoleReporter(root.out, ConsoleReporter.colorWanted(root.environment));
    RunResult result = runner.run(RunListener.all(console, session.listener()));
    if (result.checks().isEmpty()) {
      throw nothingSelected(options);
    }
    ReadinessConfig readiness = config.readiness();
    @Nullable RecentRuns recent =
        session.finish(
            result,
            Duration.ofDays(config.store().retentionDays()),
            readiness.window(),
            PageView.HISTORY_RUNS);
    @Nullable WindowFigures figures = recent == null ? null : recent.figures();
    List<NotificationJson> sent =
        notifications == null
            ? List.of()
            : RunNotifications.deliver(root, notifications, session, result, config.secrets());
    try {
      new ReportWriter(
              withNotifications(
                  ReportFiles.all(recent, readiness(result, recent, readiness)), sent))
          .write(result, reportDir);
      GitHubActions.publish(
          result, () -> new MarkdownSummaryReport(figures).render(result), root.environment);
    } catch (IOException e) {
      root.err.println(
          "stagewatch: the reports could not be written to " + reportDir + ": " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
    root.out.println(
        "Reports: "
            + reportDir
            + " (junit.xml, result.json, summary.md, signal.json, metrics.prom, report.html)");
    return result.status() == RunStatus.PASSED ? ExitCodes.PASSED : ExitCodes.FAILED;
  }

  /** The staging readiness verdict over the store's runs; null without a store. */
  private static @Nullable StagingReadiness readiness(
      RunResult result, @Nullable RecentRuns recent, ReadinessConfig settings) {
    if (recent == null) {
      return null;
    }
    return StagingReadiness.of(
        StagingHistory.of(result.info().environment(), recent.windowRuns()),
        settings.window(),
        settings.threshold(),
        settings.stagingGate());
  }

  /** The reports, with {@code result.json} telling what became of the run's notices. */
  private static List<ReportFile> withNotifications(
      List<ReportFile> reports, List<NotificationJson> notifications) {
    return reports.stream()
        .map(r -> r instanceof JsonResultReport ? new JsonResultReport(notifications) : r)
        .toList();
  }

  /**
   * Opens the store and takes the run lock; a store that cannot be opened does not stop the run.
   */
  static StoreSession openStore(
      StagewatchConfig config, Duration waitLock, @Nullable AlertPlanner planner)
      throws RunLockedException {
    try {
      JdbcResultStore store = JdbcResultStore.open(config.store().url(), baseDir(config.file()));
      return StoreSession.start(store, config.environment().name(), waitLock, planner);
    } catch (StoreException e) {
      return StoreSession.failed(e);
    }
  }

  /**
   * What a relative SQLite path is resolved against: the project folder, which holds {@code
   * config/stagewatch.yaml}, so that cron (which starts in $HOME) and a person in the project
   * folder use the same store.
   */
  static Path baseDir(Path configFile) {
    Path folder = configFile.toAbsolutePath().getParent();
    if (folder == null) {
      return Path.of("").toAbsolutePath();
    }
    Path parent = folder.getParent();
    if (parent != null && folder.endsWith("config")) {
      return parent;
    }
    return folder;
  }

  private static ConfigException nothingSelected(RunOptions options) {
    return new ConfigException(
        List.of(
            new ConfigProblem(
                Location.ofFile("command line"),
                "",
                "no check matches the selection"
                    + (options.tags() == null ? "" : " -t '" + options.tags() + "'")
                    + (options.suites().isEmpty() ? "" : " -s " + options.suites()))));
  }
}
