package io.stagewatch.cli;

import io.stagewatch.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --no-store} and {@code --wait-lock}: how a run uses the store. */
final class StoreOptions {
  @Option(names = "--no-store", description = "Do not record this run, and take no run lock.")
  boolean noStore;

  @Option(
      names = "--wait-lock",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "When another run of the environment holds the run lock, wait this long for it"
              + " (e.g. 10m) instead of exiting 4 at once.")
  Duration waitLock = Duration.ZERO;

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
