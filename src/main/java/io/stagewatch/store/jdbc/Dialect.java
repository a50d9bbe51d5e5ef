package io.stagewatch.store.jdbc;

import io.stagewatch.store.RunLock;
import io.stagewatch.store.StoreException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** What differs between the databases the store runs on. */
interface Dialect {
  /**
   * How long the store waits for the database at each step: a connection, a login, an answer to a
   * statement, the run lock's release, a busy SQLite file. A store that stops answering then costs
   * a run seconds, not the minutes of TCP's own timeouts.
   */
  Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

  /** The folder of the numbered migration scripts, beside this class in the resources. */
  String scripts();

  /** The store as people know it in messages: a file, or a URL whose password gets masked. */
  String description();

  /** Opens the store's connections, with the driver's timeouts. */
  Connections connect() throws SQLException;

  /**
   * A statement run first in the migration transaction so that two processes starting at once do
   * not both migrate; null when the database's transactions already serialize writers.
   */
  @Nullable String migrationLockStatement();

  /** Takes the environment's run lock if it is free. */
  Optional<RunLock> tryLock(String environment) throws StoreException;

  /**
   * Takes the environment's run lock before the store is opened, where that costs no more than the
   * lock itself; empty when it is held, cannot be taken now, or lives in the database's own
   * sessions (then {@link #tryLock} takes it once the store is open, and says why not).
   */
  default Optional<RunLock> tryLockFirst(String environment) {
    return Optional.empty();
  }

  /**
   * Gives back the disk space the database holds beyond its data, when the store is opened and
   * closed: SQLite folds its write-ahead log into the database file and truncates it.
   */
  default void releaseSpace(DataSource data) throws SQLException {}
}
