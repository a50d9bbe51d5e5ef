package io.stagewatch.app;

import io.stagewatch.run.RunListener;
import io.stagewatch.run.RunOptions;
import io.stagewatch.suite.Workspace;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A program that embeds a run the way the pipeline's documentation shows, with nothing of the
 * command line: loaded by {@link EmbeddedRunTest} in a class loader that has no picocli.
 */
public final class EmbeddedRun {
  private EmbeddedRun() {}

  /** Deregisters the JDBC drivers this program's class loader registered. */
  public static void forgetDrivers() throws SQLException {
    for (Driver driver : DriverManager.drivers().toList()) {
      if (driver.getClass().getClassLoader() == EmbeddedRun.class.getClassLoader()) {
        DriverManager.deregisterDriver(driver);
      }
    }
  }

  /**
   * @return how the run ended: {@code passed}, {@code failed}, or the outcome's kind
   */
  public static String run(Path configFile, Path reportDir, Map<String, String> environment)
      throws Exception {
    // JDBC finds drivers once per JVM: in a JVM that already did, through another class loader,
    // this program's SQLite driver makes itself known.
    Class.forName("org.sqlite.JDBC");
    Workspace workspace = Workspace.load(configFile, null, environment, false);
    StringBuilder lines = new StringBuilder();
    try (RunPipeline pipeline =
        RunPipeline.open(
            workspace,
            false,
            Clock.systemUTC(),
            environment,
            RunOutput.of(line -> lines.append(line).append('\n')))) {
      RunOptions options =
          new RunOptions(null, List.of("health"), 4, false, List.of(), "manual", "embedded");
      RunOutcome outcome =
          pipeline.run(RunRequest.of(options, reportDir, Duration.ZERO), new RunListener() {});
      return switch (outcome) {
        case RunOutcome.Finished finished ->
            (finished.passed() ? "passed" : "failed")
                + (finished.infrastructureFailed() ? " (not kept)" : "")
                + " "
                + finished.reports().written().size()
                + " reports";
        case RunOutcome.Locked locked -> "locked";
        case RunOutcome.AlreadyRan ran -> "already ran";
      };
    }
  }
}
