package io.stagewatch.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level command; it holds what every subcommand shares. Its subcommands are added by {@link
 * Main}, which builds only the one a command line names.
 */
public final class StagewatchCommand implements Runnable {
  final Map<String, String> environment;
  final PrintStream out;
  final PrintStream err;

  /** The one clock of the command: every time it records or compares comes from here. */
  final Clock clock;

  final CommandSpec spec = CommandSpecs.command(this, "stagewatch");

  StagewatchCommand(
      Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.out = out;
    this.err = err;
    this.clock = clock;
    spec.usageMessage()
        .description(
            "Runs tagged smoke suites against a staging environment, with timeouts and",
            "retries, and writes JUnit XML, JSON and Markdown reports.",
            "")
        .footer(
            CommandSpecs.lines(
                "",
                ExitCodes.help(),
                "",
                "Start with: stagewatch demo; then stagewatch init for a project of your own."));
  }

  @Override
  public void run() {
    spec.commandLine().usage(out);
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = StagewatchCommand.class.getPackage().getImplementationVersion();
      return new String[] {
        "stagewatch " + (version == null ? "development build" : version),
        "Java " + Runtime.version()
      };
    }
  }
}
