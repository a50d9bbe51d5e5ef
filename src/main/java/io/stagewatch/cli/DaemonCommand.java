package io.stagewatch.cli;

import io.stagewatch.app.DaemonService;
import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.run.RunOptions;
import io.stagewatch.schedule.CannotListenException;
import io.stagewatch.suite.Workspace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code daemon}: run the suites on their schedules and serve a status page and metrics. */
final class DaemonCommand implements Callable<Integer> {
  private static final String PROGRAM = "stagewatch: ";

  /** How long SIGTERM waits for the run in progress; a run cut off is marked ABORTED later. */
  static final Duration GRACE = Duration.ofSeconds(30);

  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "daemon");
  private final ConfigOptions config = new ConfigOptions(spec);
  private final ReportOptions reports = new ReportOptions(spec);

  private final OptionSpec bind =
      CommandSpecs.valued(
              String.class,
              "ADDR",
              "Address the HTTP endpoints listen on (default: ${DEFAULT-VALUE}).",
              "--bind")
          .defaultValue("127.0.0.1")
          .build();

  private final OptionSpec port =
      CommandSpecs.valued(
              int.class, "N", "Port of the HTTP endpoints (default: ${DEFAULT-VALUE}).", "--port")
          .defaultValue("9464")
          .build();

  private final OptionSpec parallel =
      CommandSpecs.valued(
              int.class,
              "N",
              "How many of a slot's checks run at once (default: ${DEFAULT-VALUE}).",
              "--parallel")
          .defaultValue(Integer.toString(RunOptions.DEFAULT_PARALLELISM))
          .build();

  DaemonCommand(StagewatchCommand root) {
    this.root = root;
    spec.addOption(bind).addOption(port).addOption(parallel);
    spec.usageMessage()
        .header("Run suites on their schedules; serve a status page and metrics.")
        .description(
            "Runs the config's schedules: each slot is a run like `stagewatch run --trigger",
            "schedule`, recorded in the store, under the environment's run lock, with reports",
            "in the report directory. Daemons that share one PostgreSQL store run each slot once.",
            "",
            "Serves / (status page), /api/status (JSON), /metrics (Prometheus), /livez (the",
            "scheduler runs) and /readyz (the store answers and runs complete; also /healthz),",
            "and badges: /badges/SCHEDULE/status.svg and /badges/SCHEDULE/uptime.svg?window=7d.",
            "A port that is taken is a usage error (exit 2).",
            "On SIGTERM it stops scheduling and lets the current run finish for up to 30s.",
            "",
            "Example:",
            "  stagewatch daemon --bind 0.0.0.0 --port 9464",
            "");
  }

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    if (parallel.<Integer>getValue() < 1) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  Location.ofFile("command line"), "--parallel", "must be at least 1")));
    }
    Workspace workspace =
        Workspace.load(config.config(), config.environment(), root.environment, false);
    StagewatchConfig cfg = workspace.config();
    // Every line is stamped and names the program once: problem lines come named already.
    Consumer<String> log =
        line ->
            root.err.println(
                root.clock.instant()
                    + " "
                    + (line.startsWith(PROGRAM) ? "" : PROGRAM)
                    + cfg.secrets().mask(line));
    DaemonService service;
    try {
      service =
          DaemonService.start(
              workspace,
              new InetSocketAddress(bind.<String>getValue(), port.<Integer>getValue()),
              reports.reportDir(),
              parallel.<Integer>getValue(),
              root.clock,
              root.environment,
              log);
    } catch (CannotListenException e) {
      root.err.println("stagewatch: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutDown(service, log, stopped), "stagewatch-stop"));
    log.accept(
        "serving http://"
            + bind.getValue()
            + ":"
            + service.port()
            + "/ (status), /metrics, /livez, /readyz");
    stopped.await();
    return ExitCodes.PASSED;
  }

  /**
   * On SIGTERM: stop scheduling, give the run in progress {@link #GRACE}, close everything, and
   * exit 0 (a daemon told to stop has done its job), rather than the JVM's 143.
   */
  private static void shutDown(
      DaemonService service, Consumer<String> log, CountDownLatch stopped) {
    log.accept(
        "stopping: no new runs; waiting up to " + GRACE.toSeconds() + "s for the current one");
    try {
      if (!service.stop(GRACE)) {
        log.accept("the run in progress did not finish; the next start marks it ABORTED");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.accept("stopped");
    stopped.countDown();
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(ExitCodes.PASSED);
  }
}
