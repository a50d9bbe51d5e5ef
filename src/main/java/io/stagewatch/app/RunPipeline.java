package io.stagewatch.app;

import io.stagewatch.check.CheckResources;
import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ReadinessConfig;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.notify.Alerting;
import io.stagewatch.readiness.StagingHistory;
import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.GitHubActions;
import io.stagewatch.report.GitHubAnnotations;
import io.stagewatch.report.NoticeOutcome;
import io.stagewatch.report.ReportContext;
import io.stagewatch.report.ReportWriter;
import io.stagewatch.report.html.PageView;
import io.stagewatch.report.markdown.MarkdownSummaryReport;
import io.stagewatch.run.RunListener;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Runner;
import io.stagewatch.run.Silencing;
import io.stagewatch.store.AlertPlanner;
import io.stagewatch.store.RecentRuns;
import io.stagewatch.store.RunHistory;
import io.stagewatch.store.RunLockedException;
import io.stagewatch.store.Silence;
import io.stagewatch.store.Silences;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoreLocation;
import io.stagewatch.store.StoreSession;
import io.stagewatch.suite.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One run from lock to reports, the same for {@code run}, {@code demo} and each of the daemon's
 * slots: take the environment's run lock in the store, read the silences in force, run the selected
 * checks (marking the silenced ones), record the run with the alert policy's decision, send the
 * notices, write the reports and hand the run to GitHub Actions. Nothing here prints or exits: the
 * outcome says what happened, and the caller turns it into text and an exit code.
 *
 * <pre>{@code
 * Workspace workspace = Workspace.load(configFile, "staging", System.getenv(), false);
 * try (RunPipeline pipeline =
 *     RunPipeline.open(workspace, true, Clock.systemUTC(), System.getenv(), RunOutput.of(out, err))) {
 *   RunOutcome outcome =
 *       pipeline.run(RunRequest.of(RunOptions.defaults(), reportDir, Duration.ZERO), listener);
 * }
 * }</pre>
 *
 * <p>Store and report trouble never stop the checks; they are part of the outcome.
 */
public final class RunPipeline implements AutoCloseable {
  private final Workspace workspace;
  private final @Nullable Alerting notifications;
  private final boolean ownsNotifications;
  private final Clock clock;
  private final Map<String, String> environment;
  private final RunOutput output;

  /** What outlives a run: the daemon's runs share it, such as an OAuth2 token until it expires. */
  private final CheckResources lasting;

  private RunPipeline(
      Workspace workspace,
      @Nullable Alerting notifications,
      boolean ownsNotifications,
      Clock clock,
      Map<String, String> environment,
      RunOutput output) {
    this.workspace = workspace;
    this.notifications = notifications;
    this.ownsNotifications = ownsNotifications;
    this.clock = clock;
    this.environment = Map.copyOf(environment);
    this.output = output;
    this.lasting = new CheckResources(clock);
  }

  /**
   * @param notify whether runs take part in alerting (when the config sets up notifications)
   * @param environment the process environment: GitHub Actions' variables are read from it
   * @param output where the lines about notices go
   */
  public static RunPipeline open(
      Workspace workspace,
      boolean notify,
      Clock clock,
      Map<String, String> environment,
      RunOutput output) {
    Alerting n = notify ? Notifiers.of(workspace.config(), clock).orElse(null) : null;
    return new RunPipeline(workspace, n, true, clock, environment, output);
  }

  /**
   * A pipeline whose runs send through {@code notifications} (null for none), which the caller
   * keeps and closes.
   */
  public static RunPipeline with(
      Workspace workspace,
      @Nullable Alerting notifications,
      Clock clock,
      Map<String, String> environment,
      RunOutput output) {
    return new RunPipeline(workspace, notifications, false, clock, environment, output);
  }

  /** The notifications runs take part in; empty when there are none or runs do not notify. */
  public Optional<Alerting> notifications() {
    return Optional.ofNullable(notifications);
  }

  public StagewatchConfig config() {
    return workspace.config();
  }

  /**
   * Makes one run.
   *
   * @param progress hears of every check as it finishes (the console, for instance)
   * @throws ConfigException when the options select nothing or are invalid: nothing was run
   */
  public RunOutcome run(RunRequest request, RunListener progress) throws ConfigException {
    StagewatchConfig config = config();
    Runner runner = new Runner(config, workspace.suites(), request.options(), clock, lasting);
    Duration waitLock = request.waitLock();
    String label = request.unlessRan();
    StoreSession session;
    try {
      // A slot that another daemon may have run already asks the open store before running.
      session = waitLock == null ? StoreSession.none() : openStore(waitLock, label == null);
    } catch (RunLockedException e) {
      return new RunOutcome.Locked(config.secrets().maskedMessage(e));
    }
    try (session) {
      if (label != null && session.recentlyRan(config.environment().name(), label)) {
        return new RunOutcome.AlreadyRan(label);
      }
      return runAndReport(runner, request, session, progress);
    }
  }

  /**
   * @param meanwhile whether the store may be opened while the run begins, when its lock can be
   *     taken first
   */
  private StoreSession openStore(Duration waitLock, boolean meanwhile) throws RunLockedException {
    String environment = config().environment().name();
    Duration retention = Duration.ofDays(config().store().retentionDays());
    AlertPlanner planner = notifications == null ? null : notifications.planner();
    try {
      StoreLocation location = ProjectStore.locate(config(), clock);
      Optional<StoreSession> opening =
          meanwhile
              ? StoreSession.opening(location, environment, retention, planner, clock)
              : Optional.empty();
      if (opening.isPresent()) {
        return opening.get();
      }
      return StoreSession.start(location.open(), environment, waitLock, retention, planner, clock);
    } catch (StoreException e) {
      return StoreSession.failed(e);
    }
  }

  private RunOutcome.Finished runAndReport(
      Runner runner, RunRequest request, StoreSession session, RunListener progress)
      throws ConfigException {
    StagewatchConfig config = config();
    ReadinessConfig readiness = config.readiness();
    session.readAhead(
        config.environment().name(), runner.series(), readiness.window(), PageView.HISTORY_RUNS);
    Instant startedAt = clock.instant();
    // Read while the checks start, from a store that may still be opening; the first result waits.
    CompletableFuture<Silencing> silencing =
        CompletableFuture.supplyAsync(
            () -> silencing(session, startedAt),
            task -> Thread.ofPlatform().daemon().name("stagewatch-silences").start(task));
    RunResult result =
        runner.run(
            RunListener.all(progress, session.listener()),
            Silencing.later(
                () -> {
                  // The first result waits for the silences, and so for the store.
                  session.openNow();
                  return silencing.join();
                }));
    RecentRuns recent = session.finish(result, readiness.window(), PageView.HISTORY_RUNS);
    StagingReadiness verdict = recent == null ? null : staging(session);
    List<NoticeOutcome> sent =
        notifications == null
            ? List.of()
            : NoticeLines.deliver(output, notifications, session, result, config.secrets());
    // The reports do not need the store: it is closed meanwhile.
    session.closeStore();
    RunOutcome.Reports reports = writeReports(result, request.reportDir(), recent, verdict, sent);
    GitHubAnnotations.of(environment)
        .forRun(result, workspace::checkLocations)
        .forEach(output::info);
    // Read after the notices: a store that failed while they were sent is part of the outcome.
    String storeProblem = session.problem().map(config.secrets()::maskedMessage).orElse(null);
    boolean used = request.waitLock() != null;
    return new RunOutcome.Finished(
        result,
        new RunOutcome.Stored(used, storeProblem, storeProblem == null ? recent : null),
        sent,
        reports);
  }

  /**
   * What the run keeps quiet about: the silences in the store active at {@code now}, the run's
   * start (none without a store), and the maintenance windows open then. A store that cannot say
   * leaves the windows alone in force.
   */
  private Silencing silencing(StoreSession session, Instant now) {
    List<Silence> active = List.of();
    Optional<Silences> silences = session.silences();
    if (silences.isPresent()) {
      try {
        active = silences.get().activeSilences(config().environment().name(), now);
      } catch (StoreException e) {
        output.problem(
            "stagewatch: the silences cannot be read, so none is in force for this run: "
                + config().secrets().maskedMessage(e));
      }
    }
    return Silencings.of(config(), active, now);
  }

  /** The staging readiness verdict over {@code readiness.series}; null when the store fails. */
  private @Nullable StagingReadiness staging(StoreSession session) {
    Optional<RunHistory> history = session.history();
    if (history.isEmpty()) {
      return null;
    }
    StagewatchConfig config = config();
    ReadinessConfig settings = config.readiness();
    try {
      StagingHistory staging = ProjectStore.staging(history.get(), config);
      return StagingReadiness.of(
          staging, settings.window(), settings.threshold(), settings.stagingGate());
    } catch (StoreException e) {
      output.problem(
          "stagewatch: the staging readiness cannot be read: " + config.secrets().maskedMessage(e));
      return null;
    }
  }

  private RunOutcome.Reports writeReports(
      RunResult result,
      Path dir,
      @Nullable RecentRuns recent,
      @Nullable StagingReadiness verdict,
      List<NoticeOutcome> sent) {
    ReportContext context = ReportContext.of(result, recent, verdict, sent);
    try {
      List<ReportWriter.Written> written = new ReportWriter(ReportFiles.all()).write(context, dir);
      // GitHub's job summary is summary.md as written, not a second rendering of it.
      String summary =
          written.stream()
              .filter(w -> w.path().endsWith(MarkdownSummaryReport.FILE_NAME))
              .map(ReportWriter.Written::content)
              .findFirst()
              .orElse("");
      GitHubActions.publish(result, summary, environment);
      return new RunOutcome.Reports(
          dir, written.stream().map(ReportWriter.Written::path).toList(), null);
    } catch (IOException e) {
      return new RunOutcome.Reports(
          dir,
          List.of(),
          "the reports could not be written to "
              + dir
              + ": "
              + config().secrets().mask(String.valueOf(e.getMessage())));
    }
  }

  /** The clock the pipeline's time comes from. */
  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    lasting.close();
    if (notifications != null && ownsNotifications) {
      notifications.close();
    }
  }
}
