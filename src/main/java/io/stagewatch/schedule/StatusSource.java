package io.stagewatch.schedule;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.stagewatch.store.Uptime;
import java.time.Duration;
import java.util.Optional;

/** Reads the daemon's status for one request. */
public interface StatusSource {

  /** The status now; never throws: an unreachable store is part of the status. */
  DaemonStatus read();

  /**
   * How the named schedule's series fared over the last {@code window}; empty when there is no such
   * schedule or the store cannot be read. Never throws.
   */
  Optional<Uptime> uptime(String schedule, Duration window);

  /** Whether the config has a schedule of that name: known without reading the store. */
  boolean hasSchedule(String schedule);

  /** What the daemon has counted since it started: none by default. */
  default MetricSnapshots counters() {
    return new MetricSnapshots();
  }
}
