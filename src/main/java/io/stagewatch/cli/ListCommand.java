package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.run.PlannedCheck;
import io.stagewatch.run.RunOptions;
import io.stagewatch.run.Runner;
import io.stagewatch.suite.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code list}: the suites, checks and tags a run with these options would execute. */
final class ListCommand implements Callable<Integer> {
  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "list");
  private final ConfigOptions config = new ConfigOptions(spec);
  private final SelectionOptions selection = new SelectionOptions(spec);

  ListCommand(StagewatchCommand root) {
    this.root = root;
    spec.usageMessage()
        .header("List the suites, checks and tags a run would execute.")
        .description(
            "Lists the suites, checks and tags that `run` would execute with the same",
            "options, YAML and Java suites alike. Runs nothing.",
            "",
            "Example: stagewatch list -t 'smoke & !slow'");
  }

  @Override
  public Integer call() throws ConfigException {
    Workspace workspace =
        Workspace.load(config.config(), config.environment(), root.environment, false);
    RunOptions options =
        selection.runOptions(RunOptions.DEFAULT_PARALLELISM, false, "manual", null);
    List<PlannedCheck> checks =
        new Runner(workspace.config(), workspace.suites(), options, root.clock).plan();
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
