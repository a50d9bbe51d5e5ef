package io.stagewatch.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Deleting what retention no longer keeps; the same SQL for both databases. */
final class Retention {
  private final DataSource pool;

  Retention(DataSource pool) {
    this.pool = pool;
  }

  /**
   * Deletes the finished runs started before {@code cutoff}, their results, the settled notices
   * created before it and the silences over before it, in one transaction.
   *
   * @return how many runs were deleted
   */
  int deleteRunsStartedBefore(Instant cutoff) throws SQLException {
    long millis = cutoff.toEpochMilli();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      Statements.update(
          c,
          "DELETE FROM check_results WHERE run_id IN"
              + " (SELECT run_id FROM runs WHERE started_at < ? AND status <> 'RUNNING')",
          millis);
      int runs =
          Statements.update(
              c, "DELETE FROM runs WHERE started_at < ? AND status <> 'RUNNING'", millis);
      // Pending notices stay whatever their age: deleting one would lose it.
      Statements.update(
          c, "DELETE FROM notices WHERE created_at < ? AND status IN ('SENT', 'FAILED')", millis);
      SilenceQueries.deleteEndedBefore(c, cutoff);
      c.commit();
      return runs;
    }
  }
}
