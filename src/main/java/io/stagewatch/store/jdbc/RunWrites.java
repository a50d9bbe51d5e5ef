package io.stagewatch.store.jdbc;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.Counts;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.AlertUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Recording a run as it goes: its start, each result, its end; the same SQL for both databases.
 * Every write may be repeated (the writer tries again after a failure whose outcome it cannot
 * know): the start is inserted once, results are upserted, and an end already recorded is left
 * alone.
 */
final class RunWrites {
  private static final String UPSERT_RESULT =
      "INSERT INTO check_results (run_id, check_id, suite, tags, status, attempts, duration_ms,"
          + " message, recorded_at, silence_reason, degraded)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (run_id, check_id) DO UPDATE SET suite = excluded.suite,"
          + " tags = excluded.tags, status = excluded.status, attempts = excluded.attempts,"
          + " duration_ms = excluded.duration_ms, message = excluded.message,"
          + " recorded_at = excluded.recorded_at, silence_reason = excluded.silence_reason,"
          + " degraded = excluded.degraded";

  private static final String COUNT_OF = "(SELECT COUNT(*) FROM check_results c";

  /** Counts an abandoned run from the results it kept. */
  private static final String MARK_ABANDONED =
      "UPDATE runs SET status = 'ABORTED', total = "
          + COUNT_OF
          + " WHERE c.run_id = runs.run_id)"
          + countColumn("passed", "PASSED")
          + countColumn("flaky", "FLAKY")
          + countColumn("failed", "FAILED")
          + countColumn("error", "ERROR")
          + countColumn("skipped", "SKIPPED")
          + " WHERE environment = ? AND status = 'RUNNING'";

  private final DataSource pool;

  /** When a result is written, as {@code recorded_at} keeps it (a check's last failure time). */
  private final Clock clock;

  RunWrites(DataSource pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  void runStarted(RunInfo info, String runnerVersion) throws SQLException {
    try (Connection c = pool.getConnection()) {
      Statements.update(
          c,
          "INSERT INTO runs (run_id, environment, project, run_trigger, label, started_at, status,"
              + " runner_version, series, selection) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?)"
              + " ON CONFLICT (run_id) DO NOTHING",
          info.runId(),
          info.environment(),
          info.project(),
          info.trigger(),
          info.label(),
          info.startedAt().toEpochMilli(),
          runnerVersion,
          info.series().name(),
          info.series().selection());
    }
  }

  /** Notes which run the environment's lock holder is running, for whoever waits for the lock. */
  void holderRuns(String environment, String runId) throws SQLException {
    try (Connection c = pool.getConnection()) {
      Statements.update(
          c, "UPDATE run_lock_holders SET run_id = ? WHERE environment = ?", runId, environment);
    }
  }

  void checkFinished(String runId, CheckResult result) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement st = c.prepareStatement(UPSERT_RESULT)) {
      bindResult(st, runId, result, clock.millis());
      st.executeUpdate();
    }
  }

  /** Several results in one transaction. */
  void checksFinished(String runId, List<CheckResult> results) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      upsertResults(c, runId, results);
      c.commit();
    }
  }

  /**
   * The run's end, every result again and the alert policy's decision, in one transaction; nothing
   * when the run's end is recorded already.
   */
  void runFinished(RunResult result, AlertUpdate update) throws SQLException {
    String runId = result.info().runId();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      Counts n = result.counts();
      int ended =
          Statements.update(
              c,
              "UPDATE runs SET finished_at = ?, status = ?, total = ?, passed = ?, flaky = ?,"
                  + " failed = ?, error = ?, skipped = ? WHERE run_id = ? AND finished_at IS NULL",
              result.finishedAt().toEpochMilli(),
              result.status().name(),
              n.total(),
              n.passed(),
              n.flaky(),
              n.failed(),
              n.error(),
              n.skipped(),
              runId);
      if (ended == 0) {
        // Ended already, by an earlier attempt whose answer was lost (its notices are in the
        // outbox), or not in the store at all: either way there is nothing to end.
        c.rollback();
        return;
      }
      // Every result again: a write lost while the run went on must not leave a gap.
      upsertResults(c, runId, result.checks());
      NoticeQueries.write(c, result.info().environment(), update);
      c.commit();
    }
  }

  private void upsertResults(Connection c, String runId, List<CheckResult> results)
      throws SQLException {
    long recordedAt = clock.millis();
    try (PreparedStatement st = c.prepareStatement(UPSERT_RESULT)) {
      for (CheckResult check : results) {
        bindResult(st, runId, check, recordedAt);
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  int markAbandoned(String environment) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return Statements.update(c, MARK_ABANDONED, environment);
    }
  }

  private static void bindResult(
      PreparedStatement st, String runId, CheckResult r, long recordedAtMillis)
      throws SQLException {
    Statements.bind(
        st,
        runId,
        r.id(),
        r.suite(),
        String.join(",", r.tags()),
        r.status().name(),
        r.attempts(),
        r.durationMs(),
        r.message(),
        recordedAtMillis,
        r.silenceReason(),
        r.degraded() ? 1 : 0);
  }

  private static String countColumn(String column, String status) {
    return ", "
        + column
        + " = "
        + COUNT_OF
        + " WHERE c.run_id = runs.run_id AND c.status = '"
        + status
        + "')";
  }
}
