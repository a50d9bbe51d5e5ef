package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.run.RunOptions;
import io.stagewatch.suite.Workspace;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code run}: run the selected suites once against one environment. */
@Command(
    addMethodSubcommands = false,
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Run the selected suites once against one environment.",
    description = {
      "Runs the selected YAML and Java suites once against one environment,",
      "prints one line per check, and writes junit.xml, result.json and",
      "summary.md to the report directory. The run and its results are recorded",
      "in the store (config store.url) unless --no-store is given.",
      "",
      "Examples:",
      "  stagewatch run                          all suites, default environment",
      "  stagewatch run -t 'smoke & !slow'       by tag expression",
      "  stagewatch run -s staging-health -e qa  one suite, another environment",
      "  stagewatch run --trigger cron --label \"$(git rev-parse --short HEAD)\"",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 all checks passed (flaky ones too), 1 a check failed,",
      "2 usage or configuration error (nothing run), 3 internal or infrastructure",
      "error (e.g. the store or the reports cannot be written), 4 another run of",
      "the environment holds the run lock (nothing run)."
    })
final class RunCommand implements Callable<Integer> {
  enum Trigger {
    manual,
    cron,
    ci,
    deploy,
    schedule
  }

  @ParentCommand StagewatchCommand root;
  @Mixin ConfigOptions config;
  @Mixin SelectionOptions selection;

  @Mixin ReportOptions reports;
  @Mixin StoreOptions store;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Checks run at once (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + RunOptions.DEFAULT_PARALLELISM)
  int parallel = RunOptions.DEFAULT_PARALLELISM;

  @Option(names = "--fail-fast", description = "Stop starting checks after the first failure.")
  boolean failFast;

  @Option(
      names = "--no-notify",
      description =
          "Send no notifications for this run. The run is recorded, but it takes no part in"
              + " alerting: no notice is written for it and the alert state stays as it was;"
              + " notices earlier runs could not deliver wait for the next run.")
  boolean noNotify;

  @Option(
      names = "--trigger",
      paramLabel = "KIND",
      description = "What started the run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "manual")
  Trigger trigger = Trigger.manual;

  @Option(
      names = "--label",
      paramLabel = "TEXT",
      description = "A build or commit id, shown in reports and messages.")
  @Nullable String label;

  @Override
  public Integer call() throws ConfigException {
    Workspace workspace =
        Workspace.load(config.config, config.environment, root.environment, false);
    RunOptions options = selection.runOptions(parallel, failFast, trigger.name(), label);
    return RunAndReport.execute(
        root,
        workspace,
        options,
        reports.reportDir,
        store.noStore ? null : store.waitLock,
        !noNotify);
  }
}
