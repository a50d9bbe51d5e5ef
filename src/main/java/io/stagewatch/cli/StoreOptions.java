package io.stagewatch.cli;

import io.stagewatch.config.Durations;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/** {@code --no-store} and {@code --wait-lock}: how a run uses the store. */
final class StoreOptions {
  private final OptionSpec noStore =
      CommandSpecs.flag("Do not record this run, and take no run lock.", "--no-store");

  private final OptionSpec waitLock =
      CommandSpecs.valued(
              Duration.class,
              "DURATION",
              "When another run of the environment holds the run lock, wait this long for it"
                  + " (e.g. 10m) instead of exiting 4 at once.",
              "--wait-lock")
          .converters(new DurationConverter())
          .initialValue(Duration.ZERO)
          .build();

  StoreOptions(CommandSpec command) {
    command.addOption(noStore).addOption(waitLock);
  }

  /** How long to wait for the run lock, or null when the run is not recorded at all. */
  @Nullable Duration waitLock() {
    boolean recorded = !noStore.<Boolean>getValue();
    return recorded ? waitLock.getValue() : null;
  }

  /** Durations as the config writes them: 500ms, 10s, 5m, 24h. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = Durations.parse(value);
      if (d == null) {
        throw new TypeConversionException("'" + value + "' is not " + Durations.EXPECTED);
      }
      return d;
    }
  }
}
