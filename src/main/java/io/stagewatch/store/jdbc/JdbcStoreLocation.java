package io.stagewatch.store.jdbc;

import io.stagewatch.store.ResultStore;
import io.stagewatch.store.RunLock;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoreLocation;
import java.time.Clock;
import java.util.Optional;

/** A JDBC store not opened yet; its {@link Dialect} says whether its lock can be taken first. */
final class JdbcStoreLocation implements StoreLocation {
  private final Dialect dialect;
  private final Clock clock;

  JdbcStoreLocation(Dialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  @Override
  public Optional<RunLock> tryLockFirst(String environment) {
    return dialect.tryLockFirst(environment);
  }

  @Override
  public ResultStore open() throws StoreException {
    return JdbcResultStore.open(dialect, Migrations.LATEST, clock);
  }
}
