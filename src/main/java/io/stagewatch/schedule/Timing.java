package io.stagewatch.schedule;

import java.time.Duration;
import java.time.Instant;

/** When a schedule's slots fall: a cron expression or a fixed interval. */
public interface Timing {

  /** The first slot strictly after {@code t}. */
  Instant nextAfter(Instant t);

  /** The last slot at or before {@code t}. */
  Instant latestAtOrBefore(Instant t);

  /** The usual gap between two slots, for health: a run is overdue after two of them. */
  Duration period();
}
