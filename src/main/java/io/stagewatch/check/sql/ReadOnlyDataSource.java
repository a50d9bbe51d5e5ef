package io.stagewatch.check.sql;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What a Java suite gets for a named database: connections from the run's read-only pool, opened on
 * first use. It hides the pool itself, so a suite cannot close it, change its settings or log in as
 * someone else.
 */
final class ReadOnlyDataSource implements DataSource {
  private final String name;
  private final Supplier<@Nullable DatabasePool> pool;

  ReadOnlyDataSource(String name, Supplier<@Nullable DatabasePool> pool) {
    this.name = name;
    this.pool = pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    DatabasePool p = pool.get();
    if (p == null) {
      throw new SQLException("no database '" + name + "' in this environment");
    }
    return p.dataSource().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "the database '" + name + "' logs in with the credentials of the config");
  }

  @Override
  public @Nullable PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(@Nullable PrintWriter out) {
    // Drivers' own logging could print connection details; it stays off.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // The pool's timeouts come from the config; a suite cannot lift them.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("the database '" + name + "' cannot be unwrapped");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }

  @Override
  public String toString() {
    return "DataSource[" + name + "]";
  }
}
