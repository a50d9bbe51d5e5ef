package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.NotifyConfig;
import io.stagewatch.config.Secrets;
import io.stagewatch.run.PlannedCheck;
import io.stagewatch.run.RunOptions;
import io.stagewatch.run.Runner;
import io.stagewatch.suite.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate}: load everything, report every problem, run nothing. */
final class ValidateCommand implements Callable<Integer> {
  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "validate");
  private final ConfigOptions config = new ConfigOptions(spec);
  private final SelectionOptions selection = new SelectionOptions(spec);

  ValidateCommand(StagewatchCommand root) {
    this.root = root;
    spec.usageMessage()
        .header("Check the config and all suites; run nothing.")
        .description(
            "Loads the config and every suite and reports every problem with its file,",
            "line and column. Runs nothing. Exit code 0 when all is well, 2 otherwise.",
            "",
            "With -e, -t and -s it judges exactly what `run` with the same options would:",
            "the selected checks' variables must be set, and the selection must hold a check.",
            "",
            "Examples:",
            "  stagewatch validate",
            "  stagewatch validate -e qa -t 'smoke & !slow'",
            "",
            "Warns about secrets shorter than "
                + Secrets.MIN_FREE_TEXT_LENGTH
                + " characters, naming their variable or key.");
  }

  @Override
  public Integer call() throws ConfigException {
    Workspace workspace =
        Workspace.load(config.config(), config.environment(), root.environment, false);
    RunOptions options =
        selection.runOptions(RunOptions.DEFAULT_PARALLELISM, false, "manual", null);
    List<PlannedCheck> checks =
        new Runner(workspace.config(), workspace.suites(), options, root.clock).validate();
    List<String> suites = checks.stream().map(PlannedCheck::suite).distinct().toList();
    root.out.println(
        "OK: "
            + config.config()
            + " (environment "
            + workspace.config().environment().name()
            + "), "
            + count(suites.size(), "suite")
            + " with "
            + count(checks.size(), "check")
            + ": "
            + String.join(", ", suites));
    warnAboutShortSecrets(workspace.config().secrets());
    NotifyConfig notify = workspace.config().notifications();
    if (notify.oldSlackForm()) {
      root.err.println(
          "stagewatch: hint: notify.slack is the old form, still read; the same in the current"
              + " form (notify.policy and notify.channels):\n"
              + workspace.config().secrets().mask(notify.currentForm()).stripTrailing());
    }
    return ExitCodes.PASSED;
  }

  /** A short secret is named, never shown: its variable, or the key it was written at. */
  private void warnAboutShortSecrets(Secrets secrets) {
    for (String name : secrets.tooShort()) {
      root.err.println(
          "stagewatch: warning: "
              + name
              + " holds a secret shorter than "
              + Secrets.MIN_FREE_TEXT_LENGTH
              + " characters: it is kept out of the URLs stagewatch prints, but too short to be"
              + " looked for in what servers send back");
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
