package io.stagewatch.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who holds an environment's run lock, so that the run turned away can say whom it waits for.
 *
 * @param runId null until the holder's run has started
 */
public record LockHolder(String host, long pid, @Nullable String runId, Instant since) {

  /** This process, holding the lock since {@code since}. */
  public static LockHolder thisProcess(Instant since) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "unknown host";
    }
    return new LockHolder(host, ProcessHandle.current().pid(), null, since);
  }

  @Override
  public String toString() {
    return (runId == null ? "a starting run" : "run " + runId)
        + " on "
        + host
        + " (pid "
        + pid
        + "), since "
        + since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }
}
