package io.stagewatch.config;

import java.time.Duration;

/** {@code defaults:}: what every check gets unless it says otherwise. */
public record DefaultsConfig(Duration timeout, RetryConfig retry, int rerunFailures) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final DefaultsConfig DEFAULT =
      new DefaultsConfig(DEFAULT_TIMEOUT, RetryConfig.DEFAULT, 0);

  static DefaultsConfig read(MapReader r) {
    Duration timeout = r.duration("timeout");
    MapReader retry = r.child("retry");
    Integer rerun = r.integer("rerunFailures", 0, 10);
    r.finish();
    return new DefaultsConfig(
        timeout != null ? timeout : DEFAULT_TIMEOUT,
        retry != null ? RetryConfig.read(retry, RetryConfig.DEFAULT) : RetryConfig.DEFAULT,
        rerun != null ? rerun : 0);
  }
}
