package io.stagewatch.check.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs one statement on a pooled connection inside its read-only transaction, bounded by the
 * attempt's remaining time on the server ({@code statement_timeout}) and on the socket (the network
 * timeout, a little later, so the server's clearer cancellation usually arrives first). The caller
 * rolls the transaction back.
 */
final class ReadOnlyQuery {
  /** Rows are fetched through a cursor in batches, so a large result never fills memory. */
  private static final int FETCH_SIZE = 500;

  private static final long NETWORK_MARGIN_MS = 500;
  private static final Set<Integer> NUMERIC_TYPES =
      Set.of(
          Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.NUMERIC,
          Types.DECIMAL,
          Types.REAL,
          Types.FLOAT,
          Types.DOUBLE);

  private final long deadlineNanos;

  ReadOnlyQuery(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  QueryResult run(Connection connection, String sql) throws SQLException {
    long budgetMs = remainingMillis();
    connection.setNetworkTimeout(
        Runnable::run, (int) Math.min(Integer.MAX_VALUE, budgetMs + NETWORK_MARGIN_MS));
    try (Statement statement = connection.createStatement()) {
      // SET LOCAL lasts only for this transaction, so the pooled connection keeps no setting.
      statement.execute("SET LOCAL statement_timeout = " + Math.max(1, remainingMillis()));
      statement.setFetchSize(FETCH_SIZE);
      long start = System.nanoTime();
      if (!statement.execute(sql)) {
        return new QueryResult(0, null, false, Duration.ofNanos(System.nanoTime() - start));
      }
      try (ResultSet rows = statement.getResultSet()) {
        return read(rows, start);
      }
    }
  }

  private QueryResult read(ResultSet rows, long start) throws SQLException {
    long count = 0;
    String first = null;
    boolean numeric = false;
    while (rows.next()) {
      if (count == 0) {
        int type = rows.getMetaData().getColumnType(1);
        numeric = NUMERIC_TYPES.contains(type);
        first = value(rows, type);
      }
      count++;
      if (count % FETCH_SIZE == 0 && System.nanoTime() > deadlineNanos) {
        throw new SQLTimeoutException("still reading rows at the deadline", "57014");
      }
    }
    return new QueryResult(count, first, numeric, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Booleans read as {@code true}/{@code false}, as a suite writes them, not {@code t}/{@code f}.
   */
  private static @Nullable String value(ResultSet rows, int type) throws SQLException {
    if (type == Types.BOOLEAN || type == Types.BIT) {
      boolean b = rows.getBoolean(1);
      return rows.wasNull() ? null : Boolean.toString(b);
    }
    return rows.getString(1);
  }

  private long remainingMillis() throws SQLTimeoutException {
    long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SQLTimeoutException("no time left for the query", "57014");
    }
    return left;
  }
}
