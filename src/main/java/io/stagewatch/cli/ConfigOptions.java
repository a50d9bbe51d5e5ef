package io.stagewatch.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code -c} and {@code -e}, shared by the commands that read the config. */
final class ConfigOptions {
  static final String DEFAULT_CONFIG = "config/stagewatch.yaml";

  private final OptionSpec config =
      CommandSpecs.valued(
              Path.class, "FILE", "Config file (default: ${DEFAULT-VALUE}).", "-c", "--config")
          .defaultValue(DEFAULT_CONFIG)
          .build();

  private final OptionSpec environment =
      CommandSpecs.valued(
              String.class,
              "NAME",
              "Environment to run against (default: the config's defaultEnvironment, else the only"
                  + " one).",
              "-e",
              "--env")
          .build();

  ConfigOptions(CommandSpec command) {
    command.addOption(config).addOption(environment);
  }

  Path config() {
    return config.getValue();
  }

  @Nullable String environment() {
    return environment.getValue();
  }

  /** Whether {@code -c} was on the command line, rather than the default. */
  boolean configGiven() {
    return config.command().commandLine().getParseResult().hasMatchedOption(config);
  }
}
