package io.stagewatch.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite's connections straight from the driver, without a pool: each use opens one and closes it
 * for good. Opening one is a file open and three pragmas, well under a millisecond, while starting
 * a connection pool cost every run about 40 ms (its config copied by reflection, its proxies made,
 * its threads started). One connection stays open from the store's opening to its closing: SQLite
 * folds the write-ahead log into the database and deletes it whenever its last connection closes,
 * which would cost every write a checkpoint and its syncs.
 *
 * <p>As no connection is used twice, a transaction that SQLite rolled back by itself after a
 * failure (a full disk; the driver does not notice) ends with its connection: the next use cannot
 * run its statements one by one, each committed at once, in what it takes for a transaction.
 */
final class SqliteConnections implements Connections {
  private final SQLiteDataSource source;
  private final Connection held;

  private SqliteConnections(SQLiteDataSource source, Connection held) {
    this.source = source;
    this.held = held;
  }

  /**
   * Opens the first connection to {@code url}, whose parameters ({@code ?name=value}, the driver's
   * pragmas) win over the store's settings.
   */
  static SqliteConnections open(String url) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) SqliteDialect.BUSY_TIMEOUT_MS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // Immediate transactions take the write lock up front, so two writers queue on busy_timeout
    // instead of one failing when it upgrades a read lock.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(url);
    return new SqliteConnections(source, source.getConnection());
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
