package io.stagewatch.check.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.stagewatch.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * One database's small pool for one run. Every connection is read-only with autocommit off, so each
 * query runs in a read-only transaction (pgjdbc applies {@code readOnly} only then). Every layer
 * has a timeout, because a firewall that drops packets or a server that accepts and never answers
 * must cost a check its timeout, not the run.
 */
final class DatabasePool implements AutoCloseable {
  /** Enough for a few checks at once; staging databases have few connections to spare. */
  static final int MAX_CONNECTIONS = 3;

  /** Waits for a connection are cut in slices so a failed connect ends the wait early. */
  private static final long WAIT_SLICE_MS = 200;

  /** Hikari's smallest connection and validation timeout. */
  private static final long HIKARI_MIN_MS = 250;

  private static final Duration LONGEST_BUDGET = Duration.ofSeconds(60);
  private static final Pattern HOST = Pattern.compile("^jdbc:postgresql://([^/?;]*)(/[^?;]*)?");

  private final String name;
  private final String target;
  private final HikariDataSource dataSource;

  private DatabasePool(String name, String target, HikariDataSource dataSource) {
    this.name = name;
    this.target = target;
    this.dataSource = dataSource;
  }

  /**
   * Starts a pool without connecting: the first borrower opens the first connection, so creating
   * the pool never blocks. {@code budget} bounds connecting, logging in and each network read of a
   * connection that no attempt has set a tighter bound on (as in a Java suite).
   */
  static DatabasePool open(DatabaseConfig config, Duration budget) {
    long ms = Math.max(HIKARI_MIN_MS, Math.min(budget.toMillis(), LONGEST_BUDGET.toMillis()));
    String seconds = Long.toString(Math.max(1, (ms + 999) / 1000));
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("stagewatch-" + config.name());
    hikari.setDriverClassName("org.postgresql.Driver");
    hikari.setJdbcUrl(config.url());
    if (config.user() != null) {
      hikari.setUsername(config.user());
    }
    if (config.password() != null) {
      hikari.setPassword(config.password());
    }
    hikari.setMaximumPoolSize(MAX_CONNECTIONS);
    hikari.setMinimumIdle(0);
    hikari.setReadOnly(true);
    hikari.setAutoCommit(false);
    hikari.setInitializationFailTimeout(-1);
    hikari.setConnectionTimeout(ms);
    hikari.setValidationTimeout(Math.max(HIKARI_MIN_MS, Math.min(ms / 2, 5_000)));
    hikari.addDataSourceProperty("connectTimeout", seconds);
    hikari.addDataSourceProperty("loginTimeout", seconds);
    hikari.addDataSourceProperty("socketTimeout", seconds);
    hikari.addDataSourceProperty("ApplicationName", "stagewatch");
    return new DatabasePool(config.name(), target(config.url()), new HikariDataSource(hikari));
  }

  /** The database's name in the config. */
  String name() {
    return name;
  }

  /** Host, port and database from the URL, never its parameters (they may hold a password). */
  String target() {
    return target;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /**
   * A connection within {@code wait}. When opening a connection fails, that failure ends the wait
   * at once: a wrong password or a refused connection does not get better by waiting.
   */
  Connection borrow(Duration wait) throws NoConnectionException, SQLException {
    HikariPool pool = (HikariPool) dataSource.getHikariPoolMXBean();
    long start = System.nanoTime();
    long deadline = start + wait.toNanos();
    while (true) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        return pool.getConnection(Math.min(left, WAIT_SLICE_MS));
      } catch (SQLTransientConnectionException e) {
        Throwable failure = e.getCause();
        if (failure != null || left <= WAIT_SLICE_MS) {
          boolean busy = pool.getActiveConnections() >= MAX_CONNECTIONS;
          throw new NoConnectionException(
              Duration.ofNanos(System.nanoTime() - start), busy && failure == null, failure);
        }
      }
    }
  }

  /** Open connections, in use or idle. */
  int openConnections() {
    return dataSource.getHikariPoolMXBean().getTotalConnections();
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String target(String url) {
    Matcher m = HOST.matcher(url);
    if (!m.find()) {
      return "the database";
    }
    String host = m.group(1).isEmpty() ? "localhost" : m.group(1);
    String path = m.group(2) == null ? "" : m.group(2);
    return host + path;
  }
}
