package io.stagewatch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code help [COMMAND]}: the usage help of a command. It says and does what picocli's own {@link
 * CommandLine.HelpCommand} does, but is declared in code like the other commands.
 */
final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer> {
  final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("help").helpCommand(true);

  private final PositionalParamSpec command =
      PositionalParamSpec.builder()
          .paramLabel("COMMAND")
          .arity("0..1")
          .description("The COMMAND to display the usage help message for.")
          .build();

  private @Nullable CommandLine helpCommandLine;
  private @Nullable ColorScheme colorScheme;
  private @Nullable PrintWriter out;

  HelpCommand() {
    spec.addOption(
            OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show usage help for the help command and exit.")
                .build())
        .addPositional(command);
    spec.usageMessage()
        .header("Display help information about the specified command.")
        .synopsisHeading("%nUsage: ")
        .description(
            "%nWhen no COMMAND is given, the usage help for the main command is displayed.",
            "If a COMMAND is specified, the help for that command is shown.%n");
  }

  @Override
  public void init(
      CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
    this.helpCommandLine = helpCommandLine;
    this.colorScheme = colorScheme;
    this.out = out;
  }

  @Override
  public Integer call() {
    CommandLine parent = helpCommandLine == null ? null : helpCommandLine.getParent();
    if (parent == null || colorScheme == null || out == null) {
      return CommandLine.ExitCode.OK;
    }
    @Nullable String name = command.getValue();
    CommandLine shown = parent;
    if (name != null) {
      shown = parent.getSubcommands().get(name);
      if (shown == null) {
        throw new ParameterException(parent, "Unknown subcommand '" + name + "'.", null, name);
      }
    }
    shown.usage(out, colorScheme);
    return shown.getCommandSpec().exitCodeOnUsageHelp();
  }
}
