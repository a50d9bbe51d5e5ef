package io.stagewatch.app;

import io.stagewatch.run.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One run to make.
 *
 * @param options the selection and how to run it
 * @param reportDir where the reports go
 * @param waitLock how long to wait for the environment's run lock; null to run without a store
 * @param unlessRan a run label: when one of the environment's recent runs carries it (a replica ran
 *     this slot), nothing is run; null to run in any case
 */
public record RunRequest(
    RunOptions options, Path reportDir, @Nullable Duration waitLock, @Nullable String unlessRan) {

  /** A run like {@code stagewatch run}: recorded unless {@code waitLock} is null. */
  public static RunRequest of(RunOptions options, Path reportDir, @Nullable Duration waitLock) {
    return new RunRequest(options, reportDir, waitLock, null);
  }
}
