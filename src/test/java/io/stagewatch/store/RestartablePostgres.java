package io.stagewatch.store;

import io.stagewatch.FreePort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server of a test's own, not the one {@link StoreDatabase} shares, that can stop and
 * start again, or freeze. It comes back on the same data directory and port, so a store URL taken
 * before an outage is valid after it.
 */
public final class RestartablePostgres implements AutoCloseable {
  private final Path data;
  private final int port;
  private final String jdbcUrl;
  private @Nullable EmbeddedPostgres server;
  private final List<Long> frozen = new ArrayList<>();

  private RestartablePostgres(Path data, int port, EmbeddedPostgres server) {
    this.data = data;
    this.port = port;
    this.server = server;
    this.jdbcUrl = server.getJdbcUrl("postgres", "postgres");
  }

  /** A new server with its data in {@code data}, on a free port. */
  public static RestartablePostgres start(Path data) throws IOException {
    int port = FreePort.pick();
    return new RestartablePostgres(data, port, serve(data, port));
  }

  private static EmbeddedPostgres serve(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  /** The URL of the {@code postgres} database, the same whether the server runs or not. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** Stops the server: connections to {@link #jdbcUrl} are refused until {@link #startAgain}. */
  public void stop() throws IOException {
    EmbeddedPostgres running = server;
    server = null;
    if (running != null) {
      running.close();
    }
  }

  public void startAgain() throws IOException {
    if (server == null) {
      server = serve(data, port);
    }
  }

  /**
   * Freezes the server and every backend with SIGSTOP, as a hung host or a black-holed route looks
   * to a client: connections stay open, nothing answers.
   */
  public void freeze() throws IOException {
    String pidLine = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
    ProcessHandle postmaster =
        ProcessHandle.of(Long.parseLong(pidLine))
            .orElseThrow(() -> new IllegalStateException("postgres is not running"));
    // The postmaster first, so it forks no backend between the listing and the signal; then its
    // children until no new one shows up (one forked just before the stop is listed next round).
    frozen.add(postmaster.pid());
    signal("-STOP", List.of(postmaster.pid()));
    List<Long> unfrozen;
    do {
      unfrozen =
          postmaster
              .descendants()
              .map(ProcessHandle::pid)
              .filter(p -> !frozen.contains(p))
              .toList();
      if (!unfrozen.isEmpty()) {
        signal("-STOP", unfrozen);
        frozen.addAll(unfrozen);
      }
    } while (!unfrozen.isEmpty());
  }

  /** Lets a frozen server go on (SIGCONT). */
  public void thaw() throws IOException {
    if (!frozen.isEmpty()) {
      signal("-CONT", frozen);
      frozen.clear();
    }
  }

  private static void signal(String signal, List<Long> pids) throws IOException {
    List<String> command = new ArrayList<>(List.of("kill", signal));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    Process kill = new ProcessBuilder(command).inheritIO().start();
    try {
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IOException("kill " + signal + " " + pids + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    thaw();
    stop();
  }
}
