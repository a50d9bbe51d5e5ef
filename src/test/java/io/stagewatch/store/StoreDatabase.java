package io.stagewatch.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the store runs on, for tests: SQLite in a temp dir, and a real PostgreSQL started
 * once for the test JVM (starting one takes seconds) with a fresh database per store.
 */
public enum StoreDatabase {
  SQLITE,
  POSTGRESQL;

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  /** A store URL with nothing in it yet. */
  public String freshUrl(Path tempDir) {
    if (this == SQLITE) {
      return "jdbc:sqlite:" + tempDir.resolve("store/stagewatch.db");
    }
    String name = "store_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // The JVM is going away; the server's directory is a temp dir.
                    }
                  }));
    }
    return postgres;
  }
}
