package io.stagewatch.store.jdbc;

import javax.sql.DataSource;

/** Where the store's connections come from, and what lets go of them when the store closes. */
interface Connections extends AutoCloseable {
  /** Hands out connections; each is closed by the code that asked for it. */
  DataSource source();

  /** Closes what the connections held open; no connection is handed out after. */
  @Override
  void close();
}
