package io.stagewatch.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code -c} and {@code -e}, shared by the commands that read the config. */
final class ConfigOptions {
  static final String DEFAULT_CONFIG = "config/stagewatch.yaml";

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Config file (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_CONFIG)
  Path config = Path.of(DEFAULT_CONFIG);

  @Option(
      names = {"-e", "--env"},
      paramLabel = "NAME",
      description =
          "Environment to run against (default: the config's defaultEnvironment, else the only"
              + " one).")
  @Nullable String environment;
}
