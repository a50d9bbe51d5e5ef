package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.config.ScheduleConfig;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.run.RunOptions;
import io.stagewatch.suite.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code run}: run the selected suites once against one environment. */
final class RunCommand implements Callable<Integer> {
  enum Trigger {
    manual,
    cron,
    ci,
    deploy,
    schedule
  }

  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "run");
  private final ConfigOptions config = new ConfigOptions(spec);
  private final SelectionOptions selection = new SelectionOptions(spec);
  private final ReportOptions reports = new ReportOptions(spec);
  private final StoreOptions store = new StoreOptions(spec);

  private final OptionSpec parallel =
      CommandSpecs.valued(
              int.class, "N", "Checks run at once (default: ${DEFAULT-VALUE}).", "--parallel")
          .defaultValue("" + RunOptions.DEFAULT_PARALLELISM)
          .build();

  private final OptionSpec failFast =
      CommandSpecs.flag("Stop starting checks after the first failure.", "--fail-fast");

  private final OptionSpec noNotify =
      CommandSpecs.flag(
          "Send no notifications for this run. The run is recorded, but it takes no part in"
              + " alerting: no notice is written for it and the alert state stays as it was;"
              + " notices earlier runs could not deliver wait for the next run.",
          "--no-notify");

  private final OptionSpec trigger =
      CommandSpecs.valued(
              Trigger.class,
              "KIND",
              "What started the run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
              "--trigger")
          .defaultValue("manual")
          .build();

  private final OptionSpec schedule =
      CommandSpecs.valued(
              String.class,
              "NAME",
              "Run the selection (suites and tags) of the schedule of this name, so that the run"
                  + " belongs to its series, as the daemon's runs of it do (from cron or CI"
                  + " without the daemon). Not with -t or -s.",
              "--schedule")
          .build();

  private final OptionSpec label =
      CommandSpecs.valued(
              String.class,
              "TEXT",
              "A build or commit id, shown in reports and messages.",
              "--label")
          .build();

  RunCommand(StagewatchCommand root) {
    this.root = root;
    spec.addOption(parallel)
        .addOption(failFast)
        .addOption(noNotify)
        .addOption(trigger)
        .addOption(schedule)
        .addOption(label);
    spec.usageMessage()
        .header("Run the selected suites once against one environment.")
        .description(
            "Runs the selected YAML and Java suites once against one environment,",
            "prints one line per check, and writes junit.xml, result.json and",
            "summary.md to the report directory. The run and its results are recorded",
            "in the store (config store.url) unless --no-store is given.",
            "",
            "Examples:",
            "  stagewatch run                          all suites, default environment",
            "  stagewatch run -t 'smoke & !slow'       by tag expression",
            "  stagewatch run -s staging-health -e qa  one suite, another environment",
            "  stagewatch run --schedule smoke --trigger cron   a schedule's selection",
            "  stagewatch run --trigger cron --label \"$(git rev-parse --short HEAD)\"",
            "")
        .footer(CommandSpecs.lines("", ExitCodes.help()));
  }

  @Override
  public Integer call() throws ConfigException {
    Workspace workspace =
        Workspace.load(config.config(), config.environment(), root.environment, false);
    String scheduleName = schedule.getValue();
    RunOptions options =
        scheduleName == null
            ? selection.runOptions(
                parallel.getValue(),
                failFast.getValue(),
                trigger.<Trigger>getValue().name(),
                label.getValue())
            : selection.runOptions(
                scheduled(workspace.config(), scheduleName),
                parallel.getValue(),
                failFast.getValue(),
                trigger.<Trigger>getValue().name(),
                label.getValue());
    boolean notify = !noNotify.<Boolean>getValue();
    return RunExit.execute(root, workspace, options, reports.reportDir(), store.waitLock(), notify);
  }

  private ScheduleConfig scheduled(StagewatchConfig config, String name) throws ConfigException {
    if (selection.narrowed()) {
      throw usage("--schedule runs the schedule's own suites and tags: leave out -t and -s");
    }
    List<String> names = config.schedules().stream().map(ScheduleConfig::name).toList();
    return config.schedules().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                usage(
                    "no schedule is named '"
                        + name
                        + "' (schedules: "
                        + (names.isEmpty() ? "none" : String.join(", ", names))
                        + ")"));
  }

  private static ConfigException usage(String message) {
    return new ConfigException(
        List.of(new ConfigProblem(Location.ofFile("command line"), "--schedule", message)));
  }
}
