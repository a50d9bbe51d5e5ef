package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.run.PlannedCheck;
import io.stagewatch.run.RunOptions;
import io.stagewatch.run.Runner;
import io.stagewatch.suite.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code list}: the suites, checks and tags a run with these options would execute. */
@Command(
    addMethodSubcommands = false,
    name = "list",
    mixinStandardHelpOptions = true,
    header = "List the suites, checks and tags a run would execute.",
    description = {
      "Lists the suites, checks and tags that `run` would execute with the same",
      "options, YAML and Java suites alike. Runs nothing.",
      "",
      "Example: stagewatch list -t 'smoke & !slow'"
    })
final class ListCommand implements Callable<Integer> {
  @ParentCommand StagewatchCommand root;
  @Mixin ConfigOptions config;
  @Mixin SelectionOptions selection;

  @Override
  public Integer call() throws ConfigException {
    Workspace workspace =
        Workspace.load(config.config, config.environment, root.environment, false);
    RunOptions options =
        selection.runOptions(RunOptions.DEFAULT_PARALLELISM, false, "manual", null);
    List<PlannedCheck> checks = new Runner(workspace.config(), workspace.suites(), options).plan();
    String current = null;
    for (PlannedCheck check : checks) {
      if (!check.suite().equals(current)) {
        current = check.suite();
        root.out.println(current);
      }
      root.out.printf(
          "  %-40s %-6s %s%n", check.name(), check.kind(), String.join(", ", check.tags()));
    }
    root.out.println(checks.size() + (checks.size() == 1 ? " check" : " checks"));
    return ExitCodes.PASSED;
  }
}
