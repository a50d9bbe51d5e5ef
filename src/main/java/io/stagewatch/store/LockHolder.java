package io.stagewatch.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who holds an environment's run lock, so that the run turned away can say whom it waits for.
 *
 * @param runId null until the holder's run has started
 */
public record LockHolder(String host, long pid, @Nullable String runId, Instant since) {
  private static final Path LINUX_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

  /** This process, holding the lock since {@code since}. */
  public static LockHolder thisProcess(Instant since) {
    return new LockHolder(hostName(), ProcessHandle.current().pid(), null, since);
  }

  /**
   * The machine's name. Linux says it in a file; elsewhere the JDK's way, which also looks the name
   * up in DNS (about 10 ms on every run, seconds where DNS does not answer) only to drop the
   * answer.
   */
  private static String hostName() {
    try {
      String name = Files.readString(LINUX_HOST_NAME).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: asked below.
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown host";
    }
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
