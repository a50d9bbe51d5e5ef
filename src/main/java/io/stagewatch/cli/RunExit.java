package io.stagewatch.cli;

import io.stagewatch.app.RunOutcome;
import io.stagewatch.app.RunOutput;
import io.stagewatch.app.RunPipeline;
import io.stagewatch.app.RunRequest;
import io.stagewatch.config.ConfigException;
import io.stagewatch.report.ConsoleReporter;
import io.stagewatch.run.RunOptions;
import io.stagewatch.suite.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** One run for {@code run} and {@code demo}: the pipeline's outcome as text and an exit code. */
final class RunExit {
  private RunExit() {}

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
    ConsoleReporter console =
        new ConsoleReporter(root.out, ConsoleReporter.colorWanted(root.environment));
    RunOutcome outcome;
    try (RunPipeline pipeline =
        RunPipeline.open(
            workspace, notify, root.clock, root.environment, RunOutput.of(root.out, root.err))) {
      outcome = pipeline.run(RunRequest.of(options, reportDir, waitLock), console);
    }
    return switch (outcome) {
      case RunOutcome.Locked locked -> {
        root.err.println(
            "stagewatch: "
                + locked.reason()
                + "; nothing was run (wait for it with --wait-lock DURATION)");
        yield ExitCodes.LOCKED;
      }
      case RunOutcome.AlreadyRan ran -> ExitCodes.PASSED;
      case RunOutcome.Finished finished -> finished(root, finished);
    };
  }

  /** Store and report trouble are both named: either alone means the run's outcome is not kept. */
  private static int finished(StagewatchCommand root, RunOutcome.Finished run) {
    String reports = run.reports().problem();
    if (reports != null) {
      root.err.println("stagewatch: " + reports);
    } else {
      root.out.println(
          "Reports: "
              + run.reports().dir()
              + " ("
              + run.reports().written().stream()
                  .map(p -> String.valueOf(p.getFileName()))
                  .collect(Collectors.joining(", "))
              + ")");
    }
    String store = run.store().problem();
    if (store != null) {
      root.err.println("stagewatch: the run was not recorded: " + store);
    }
    if (run.infrastructureFailed()) {
      return ExitCodes.INTERNAL;
    }
    return run.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
  }
}
