package io.stagewatch.store;

import java.time.Instant;

/**
 * How the store forgets old runs ({@code store.retentionDays}): after each recorded run, and in the
 * daemon between slots. Notices that still wait to be sent are kept.
 */
public interface RunRetention {

  /** Deletes the runs (of every environment) that started before {@code cutoff}. */
  int deleteRunsStartedBefore(Instant cutoff) throws StoreException;
}
