package io.stagewatch.store;

import io.stagewatch.FreePort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server of a test's own, not the one {@link StoreDatabase} shares, that can stop and
 * start again. It comes back on the same data directory and port, so a store URL taken before an
 * outage is valid after it.
 */
public final class RestartablePostgres implements AutoCloseable {
  private final Path data;
  private final int port;
  private final String jdbcUrl;
  private @Nullable EmbeddedPostgres server;

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

  @Override
  public void close() throws IOException {
    stop();
  }
}
