package io.stagewatch.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the commands and their options in code. Picocli's annotations would describe the same
 * command line, but reading them costs every start (CONTRIBUTING, Speed): the JDK generates a proxy
 * class per annotation type, and the AOT cache does not keep those. Option values are read from
 * each {@link OptionSpec} after parsing, so nothing binds fields by reflection either.
 */
final class CommandSpecs {
  private CommandSpecs() {}

  /** A command with {@code -h}, {@code -V} and stagewatch's version. */
  static CommandSpec command(Object command, String name) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
    spec.versionProvider(new StagewatchCommand.Version());
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
    return spec;
  }

  /** An option that takes one value of {@code type}, shown as {@code --name=LABEL}. */
  static OptionSpec.Builder valued(
      Class<?> type, String label, String description, String... names) {
    return OptionSpec.builder(names).type(type).paramLabel(label).description(description);
  }

  /** An option given any number of times, each value of {@code type}; none by default. */
  static OptionSpec.Builder repeatable(
      Class<?> type, String label, String description, String... names) {
    return OptionSpec.builder(names)
        .type(List.class)
        .auxiliaryTypes(type)
        .initialValue(List.of())
        .paramLabel(label)
        .description(description);
  }

  /** An option without a value: false unless given. */
  static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names)
        .type(boolean.class)
        .initialValue(false)
        .description(description)
        .build();
  }

  /** Help lines from single lines and groups of them, in order. */
  static String[] lines(Object... parts) {
    List<String> lines = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof String[] group) {
        lines.addAll(List.of(group));
      } else {
        lines.add(String.valueOf(part));
      }
    }
    return lines.toArray(String[]::new);
  }
}
