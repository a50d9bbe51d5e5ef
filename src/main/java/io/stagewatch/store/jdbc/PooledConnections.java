package io.stagewatch.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Connections from a HikariCP pool: a database across the network, where connecting is slow. */
record PooledConnections(HikariDataSource pool) implements Connections {
  @Override
  public DataSource source() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
