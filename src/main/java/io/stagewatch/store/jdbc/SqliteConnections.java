package io.stagewatch.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite's connections straight from the driver, without a pool: each use opens one and closes it
 * for good. Opening one is a file open and a pragma, well under a millisecond, while starting a
 * connection pool cost every run about 40 ms (its config copied by reflection, its proxies made,
 * its threads started). One connection stays open from the store's opening to its closing: SQLite
 * folds the write-ahead log into the database and deletes it whenever its last connection closes,
 * which would cost every write a checkpoint and its syncs.
 *
 * <p>As no connection is used twice, a transaction that SQLite rolled back by itself after a
 * failure (a full disk; the driver does not notice) ends with its connection: the next use cannot
 * run its statements one by one, each committed at once, in what it takes for a transaction.
 */
final class SqliteConnections implements Connections {
  /** How long to wait before asking a busy file again for its journal mode. */
  private static final long BUSY_PAUSE_MS = 5;

  private final SQLiteDataSource source;
  private final Connection held;

  private SqliteConnections(SQLiteDataSource source, Connection held) {
    this.source = source;
    this.held = held;
  }

  /**
   * Opens the first connection to {@code url}, whose parameters ({@code ?name=value}, the driver's
   * pragmas) win over the store's settings, and puts the file in write-ahead-log mode unless they
   * name a journal mode.
   */
  static SqliteConnections open(String url) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) SqliteDialect.BUSY_TIMEOUT_MS);
    // Immediate transactions take the write lock up front, so two writers queue on busy_timeout
    // instead of one failing when it upgrades a read lock.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(url);
    Connection held = source.getConnection();
    try {
      // The parameters follow the first '?', as SqliteDialect splits them off the file's path.
      int parameters = url.indexOf('?');
      if (parameters < 0
          || !url.substring(parameters).toLowerCase(Locale.ROOT).contains("journal_mode=")) {
        useWriteAheadLog(held);
      }
    } catch (SQLException | RuntimeException e) {
      held.close();
      throw e;
    }
    return new SqliteConnections(source, held);
  }

  /**
   * Puts the file in write-ahead-log mode, which the file keeps: only the connection that finds it
   * in another mode (a new store) changes it. Changing it takes the file for itself, and SQLite
   * then answers busy at once rather than waiting on busy_timeout, so two processes that open a new
   * store together (a daemon's slot and its first probe) would see one fail. It waits as
   * busy_timeout would.
   */
  private static void useWriteAheadLog(Connection c) throws SQLException {
    long deadline =
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SqliteDialect.BUSY_TIMEOUT_MS);
    try (Statement st = c.createStatement()) {
      while (true) {
        try {
          if (!"wal".equalsIgnoreCase(journalMode(st))) {
            st.execute("PRAGMA journal_mode=WAL");
          }
          return;
        } catch (SQLiteException e) {
          if (e.getResultCode().code != SQLiteErrorCode.SQLITE_BUSY.code
              || System.nanoTime() > deadline) {
            throw e;
          }
          pause();
        }
      }
    }
  }

  private static String journalMode(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  private static void pause() throws SQLException {
    try {
      Thread.sleep(BUSY_PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while the store was busy", e);
    }
  }

  @Override
  public DataSource source() {
    return source;
  }

  @Override
  public void close() {
    try {
      held.close();
    } catch (SQLException e) {
      // Closing a connection with no statement open does not fail; the process frees it at worst.
    }
  }
}
