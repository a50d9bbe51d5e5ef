package io.stagewatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --report-dir}, shared by the commands that write reports. */
final class ReportOptions {
  static final String DEFAULT_REPORT_DIR = "build/stagewatch";

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Where reports are written (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_REPORT_DIR)
  Path reportDir = Path.of(DEFAULT_REPORT_DIR);
}
