package io.stagewatch.schedule;

/** Reads the daemon's status for one request. */
@FunctionalInterface
public interface StatusSource {

  /** The status now; never throws: an unreachable store is part of the status. */
  DaemonStatus read();
}
