package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.report.ConsoleReporter;
import io.stagewatch.report.GitHubActions;
import io.stagewatch.report.ReportWriter;
import io.stagewatch.report.markdown.MarkdownSummaryReport;
import io.stagewatch.run.RunOptions;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.RunStatus;
import io.stagewatch.run.Runner;
import io.stagewatch.suite.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One run from start to exit code, shared by {@code run} and {@code demo}. */
final class RunAndReport {
  private RunAndReport() {}

  static int execute(
      StagewatchCommand root, Workspace workspace, RunOptions options, Path reportDir)
      throws ConfigException {
    Runner runner = new Runner(workspace.config(), workspace.suites(), options);
    ConsoleReporter console =
        new ConsoleReporter(root.out, ConsoleReporter.colorWanted(root.environment));
    RunResult result = runner.run(console);
    if (result.checks().isEmpty()) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  Location.ofFile("command line"),
                  "",
                  "no check matches the selection"
                      + (options.tags() == null ? "" : " -t '" + options.tags() + "'")
                      + (options.suites().isEmpty() ? "" : " -s " + options.suites()))));
    }
    try {
      new ReportWriter().write(result, reportDir);
      GitHubActions.publish(result, new MarkdownSummaryReport().render(result), root.environment);
    } catch (IOException e) {
      root.err.println(
          "stagewatch: the reports could not be written to " + reportDir + ": " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
    root.out.println("Reports: " + reportDir + " (junit.xml, result.json, summary.md)");
    return result.status() == RunStatus.PASSED ? ExitCodes.PASSED : ExitCodes.FAILED;
  }
}
