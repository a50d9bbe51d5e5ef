package io.stagewatch.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.stagewatch.store.RunLock;
import io.stagewatch.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * PostgreSQL: the run lock is a session advisory lock held on a connection of its own, outside the
 * pool, so that closing that connection (or the holder's death, which closes it) always lets go.
 */
final class PostgresDialect implements Dialect {
  static final String PREFIX = "jdbc:postgresql:";

  /**
   * Seconds to wait for a connection, a login and each answer; pgjdbc waits forever by default. The
   * run lock's connection has them too, so its release cannot hang on a frozen server either.
   */
  static final int TIMEOUT_SECONDS = (int) ANSWER_TIMEOUT.toSeconds();

  /** How long the pool's check of an idle connection may take, within the wait for a connection. */
  static final long VALIDATION_TIMEOUT_MS = 2_000;

  /** The advisory lock key that serializes migrations (arbitrary, fixed forever). */
  static final long MIGRATION_LOCK_KEY = 0x73746167_65776174L;

  private final String url;

  PostgresDialect(String url) {
    this.url = url;
  }

  @Override
  public String scripts() {
    return "postgresql";
  }

  @Override
  public String description() {
    return url;
  }

  @Override
  public Connections connect() {
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("stagewatch-store");
    pool.setJdbcUrl(url);
    pool.setMaximumPoolSize(4);
    pool.setConnectionTimeout(ANSWER_TIMEOUT.toMillis());
    pool.setValidationTimeout(VALIDATION_TIMEOUT_MS);
    driverProperties().forEach((k, v) -> pool.addDataSourceProperty((String) k, v));
    return new PooledConnections(new HikariDataSource(pool));
  }

  @Override
  public String migrationLockStatement() {
    return "SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK_KEY + ")";
  }

  @Override
  public Optional<RunLock> tryLock(String environment) throws StoreException {
    long key = lockKey(environment);
    Connection connection = null;
    try {
      connection = DriverManager.getConnection(url, driverProperties());
      try (PreparedStatement st = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        st.setLong(1, key);
        try (ResultSet rs = st.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            Connection held = connection;
            return Optional.of(() -> release(held, key));
          }
        }
      }
      connection.close();
      return Optional.empty();
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new StoreException(
          "the run lock cannot be taken in " + url + ": " + FailureReason.of(e), e);
    }
  }

  /** A stable 64-bit key per environment, the same in every process and version. */
  static long lockKey(String environment) {
    return UUID.nameUUIDFromBytes(
            ("stagewatch run lock " + environment).getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits();
  }

  private void release(Connection connection, long key) throws StoreException {
    // Closing the session would release the lock too, but only once the server has ended the
    // backend, a moment after close() returns: a run started right after this one would find the
    // lock still held. Unlocking first makes the release take effect before we return.
    try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      st.setLong(1, key);
      st.execute();
    } catch (SQLException e) {
      // The session is broken: closing it below lets go of the lock all the same.
    }
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("the run lock cannot be released: " + FailureReason.of(e), e);
    }
  }

  private static Properties driverProperties() {
    Properties p = new Properties();
    p.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
    p.setProperty("loginTimeout", Integer.toString(TIMEOUT_SECONDS));
    p.setProperty("socketTimeout", Integer.toString(TIMEOUT_SECONDS));
    return p;
  }

  private static void closeQuietly(@org.jspecify.annotations.Nullable Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The lock was not taken on it.
      }
    }
  }
}
