package io.stagewatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --report-dir}, shared by the commands that write reports. */
final class ReportOptions {
  static final String DEFAULT_REPORT_DIR = "build/stagewatch";

  private final OptionSpec reportDir =
      CommandSpecs.valued(
              Path.class,
              "DIR",
              "Where reports are written (default: ${DEFAULT-VALUE}).",
              "--report-dir")
          .defaultValue(DEFAULT_REPORT_DIR)
          .build();

  ReportOptions(CommandSpec command) {
    command.addOption(reportDir);
  }

  Path reportDir() {
    return reportDir.getValue();
  }
}
