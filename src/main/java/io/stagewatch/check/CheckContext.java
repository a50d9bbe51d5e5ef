package io.stagewatch.check;

import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.Secrets;
import java.time.Duration;

/**
 * What an attempt may use: the selected environment, its own time budget, the run's secrets (to
 * mask anything a target echoes) and the run's shared resources (HTTP clients, pools).
 *
 * @param deadlineNanos the {@link System#nanoTime()} by which the attempt must have returned
 */
public record CheckContext(
    EnvironmentConfig environment,
    Duration timeout,
    long deadlineNanos,
    Secrets secrets,
    CheckResources resources) {

  /** Starts the clock for one attempt. */
  public static CheckContext start(
      EnvironmentConfig environment, Duration timeout, Secrets secrets, CheckResources resources) {
    return new CheckContext(
        environment, timeout, System.nanoTime() + timeout.toNanos(), secrets, resources);
  }

  /** Time left before the deadline; zero once it has passed. */
  public Duration remaining() {
    long left = deadlineNanos - System.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }
}
