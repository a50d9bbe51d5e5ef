package io.stagewatch.cli;

import static org.awaitility.Awaitility.await;

import io.stagewatch.app.DaemonService;
import io.stagewatch.app.RunOutput;
import io.stagewatch.app.RunPipeline;
import io.stagewatch.app.ScheduledRuns;
import io.stagewatch.notify.Alerting;
import io.stagewatch.run.RunOptions;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.LastRuns;
import io.stagewatch.schedule.Schedule;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.SlotRunner;
import io.stagewatch.schedule.StatusEndpoints;
import io.stagewatch.suite.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A project for daemon tests: the one-check health suite against a staging at {@code
 * ${STAGING_URL}}, with a store and a schedule in its config, and the daemons that run its slots
 * through {@link ScheduledRuns}. What tests vary (the checks' timeout, the store, Slack, the
 * interval) is set before {@link #write}. By default checks time out after 5s, the config names no
 * store (the built-in SQLite one holds) and the suite runs every second.
 */
final class DaemonProject {
  final Path dir;
  final CliRun cli;

  /** The last runs the project's daemons made, shared with their endpoints as in {@code daemon}. */
  final LastRuns lastRuns = new LastRuns();

  /** The clock of the project's runs and daemons: the system's, unless a test moves time. */
  private Clock clock = Clock.systemUTC();

  private @Nullable String timeout = "5s";
  private @Nullable String storeUrl;
  private @Nullable Integer retentionDays;
  private @Nullable String slackWebhookUrl;
  private @Nullable String notify;
  private @Nullable String every = "1s";
  private @Nullable String schedules;

  DaemonProject(Path dir, String stagingUrl) {
    this.dir = dir;
    this.cli = new CliRun(dir).env("STAGING_URL", stagingUrl);
  }

  /** How many of a daemon's slots so far ended with {@code outcome}. */
  static long outcomes(Daemon daemon, SlotOutcome outcome) {
    return daemon.records().stream().filter(r -> r.outcome() == outcome).count();
  }

  /** Output no test reads. */
  static PrintStream silent() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Runs and daemons of the project, and its {@link #cli}, run on {@code clock}. */
  DaemonProject clock(Clock clock) {
    this.clock = clock;
    cli.clock(clock);
    return this;
  }

  /** The URL of a SQLite store in the project. */
  String sqlite() {
    return "jdbc:sqlite:" + dir.resolve("store/stagewatch.db");
  }

  /** {@code defaults.timeout} of every check; null leaves it out, so the built-in one holds. */
  DaemonProject timeout(@Nullable String timeout) {
    this.timeout = timeout;
    return this;
  }

  DaemonProject store(String url) {
    this.storeUrl = url;
    return this;
  }

  /** The store in SQLite at {@link #sqlite}. */
  DaemonProject storeInSqlite() {
    return store(sqlite());
  }

  DaemonProject store(String url, int retentionDays) {
    this.retentionDays = retentionDays;
    return store(url);
  }

  /** Slack notifications to {@code webhookUrl}, given through {@code ${SLACK_WEBHOOK_URL}}. */
  DaemonProject slack(String webhookUrl) {
    this.slackWebhookUrl = webhookUrl;
    cli.env("SLACK_WEBHOOK_URL", webhookUrl);
    return this;
  }

  /** The config's {@code notify:} section, written as given, instead of Slack's. */
  DaemonProject notify(String yaml) {
    this.notify = yaml;
    return this;
  }

  /** The interval of the schedule of the health suite. */
  DaemonProject every(String interval) {
    this.every = interval;
    return this;
  }

  /** The config's {@code schedules:} section instead of one for the health suite. */
  DaemonProject schedules(String yaml) {
    this.schedules = yaml;
    return this;
  }

  /** A config without {@code schedules:}; only a daemon built by {@link #idle} runs on it. */
  DaemonProject noSchedule() {
    this.every = null;
    return this;
  }

  /** Writes the config and the suite. */
  CliRun write() throws IOException {
    StringBuilder yaml =
        new StringBuilder(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
            defaults:
            """);
    if (timeout != null) {
      yaml.append("  timeout: ").append(timeout).append('\n');
    }
    yaml.append("  retry: {attempts: 1}\n");
    if (storeUrl != null) {
      yaml.append("store:\n  url: \"").append(storeUrl).append("\"\n");
      if (retentionDays != null) {
        yaml.append("  retentionDays: ").append(retentionDays).append('\n');
      }
    }
    if (notify != null) {
      yaml.append(notify);
    } else if (slackWebhookUrl != null) {
      yaml.append("notify:\n  slack:\n    webhookUrl: ${SLACK_WEBHOOK_URL}\n");
    }
    if (schedules != null) {
      yaml.append(schedules);
    } else if (every != null) {
      yaml.append("schedules:\n  - suites: [health]\n    every: ").append(every).append('\n');
    }
    return cli.config(yaml.toString()).suite("health.yaml", CliRun.ONE_HEALTH_CHECK);
  }

  /**
   * Writes the project and starts {@code stagewatch daemon} on it with {@code port} in a JVM of its
   * own, as the command line would, with reports in {@code reports/} and its output in {@code
   * out.log} and {@code err.log}.
   */
  Process startProcess(int port) throws IOException {
    write();
    return startProcess(
        List.of(),
        "daemon",
        "-c",
        dir.resolve("config/stagewatch.yaml").toString(),
        "--port",
        Integer.toString(port),
        "--report-dir",
        dir.resolve("reports").toString());
  }

  /**
   * Starts stagewatch with {@code args} on the written project in a JVM of its own, with {@code
   * jvmOptions}, and its output in {@code out.log} and {@code err.log}.
   */
  Process startProcess(List<String> jvmOptions, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out.log").toFile())
            .redirectError(dir.resolve("err.log").toFile());
    builder.environment().putAll(cli.environment);
    return builder.start();
  }

  /** The written project as {@code daemon} loads it; each call loads it anew. */
  Workspace workspace() throws Exception {
    return Workspace.load(cli.dir.resolve("config/stagewatch.yaml"), null, cli.environment, false);
  }

  /** Writes the project and loads it. */
  Workspace load() throws Exception {
    write();
    return workspace();
  }

  /** Slots that report into {@code reports/}, print to {@code out} and notify no one. */
  ScheduledRuns slots(Workspace workspace, PrintStream out, Duration lockWait) {
    return slots(workspace, "reports", out, lockWait);
  }

  ScheduledRuns slots(Workspace workspace, String reportDir, PrintStream out, Duration lockWait) {
    return new ScheduledRuns(
        pipeline(workspace, null, out), output(out), lastRuns, dir.resolve(reportDir), lockWait);
  }

  ScheduledRuns slots(
      Workspace workspace,
      PrintStream out,
      Duration lockWait,
      @Nullable Alerting notifications,
      Duration outboxEvery,
      Duration retentionEvery) {
    return new ScheduledRuns(
        pipeline(workspace, notifications, out),
        output(out),
        lastRuns,
        dir.resolve("reports"),
        lockWait,
        outboxEvery,
        retentionEvery,
        RunOptions.DEFAULT_PARALLELISM);
  }

  /** The pipeline the daemon's slots run through, as {@code daemon} makes it. */
  private RunPipeline pipeline(
      Workspace workspace, @Nullable Alerting notifications, PrintStream out) {
    return RunPipeline.with(workspace, notifications, clock, Map.of(), output(out));
  }

  private static RunOutput output(PrintStream out) {
    return RunOutput.of(out, out);
  }

  /** The endpoints of a daemon on the workspace, as {@code daemon} serves them. */
  StatusEndpoints endpoints(Workspace workspace, Daemon daemon) throws IOException {
    return StatusEndpoints.start(
        ScheduledRuns.status(workspace.config(), daemon, lastRuns, clock), daemon);
  }

  /** A daemon on the workspace's schedules whose slots report into {@code reports/}. */
  Daemon daemon(Workspace workspace, PrintStream out, Duration lockWait) throws Exception {
    return daemon(workspace, slots(workspace, out, lockWait));
  }

  /** A daemon on the workspace's schedules, as {@code daemon} builds it, minus its log. */
  Daemon daemon(Workspace workspace, SlotRunner slots) throws Exception {
    return new Daemon(DaemonService.schedules(workspace.config()), slots, clock, line -> {});
  }

  /** A daemon with no schedule: the scheduler only wakes up, it never runs a slot. */
  Daemon idle(SlotRunner slots) {
    return new Daemon(List.of(), slots, clock, line -> {});
  }

  /**
   * A daemon's slots that count the scheduler's wake-ups, so that a test can wait for the daemon to
   * have looked at its work again instead of sleeping.
   */
  static final class CountedWakeUps implements SlotRunner {
    private final SlotRunner slots;
    private final AtomicInteger wakeUps = new AtomicInteger();

    CountedWakeUps(SlotRunner slots) {
      this.slots = slots;
    }

    @Override
    public SlotOutcome run(Schedule schedule, Instant slot) throws Exception {
      return slots.run(schedule, slot);
    }

    @Override
    public void idle() {
      slots.idle();
      wakeUps.incrementAndGet();
    }

    /**
     * Waits for {@code count} more wake-ups to end: at least {@code count - 1} of them began after
     * this call, and saw whatever the test did before it.
     */
    void awaitMore(int count) {
      int target = wakeUps.get() + count;
      await().atMost(Duration.ofSeconds(20)).until(() -> wakeUps.get() >= target);
    }
  }
}
