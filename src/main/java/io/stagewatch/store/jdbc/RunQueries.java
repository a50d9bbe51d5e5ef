package io.stagewatch.store.jdbc;

import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Counts;
import io.stagewatch.run.Series;
import io.stagewatch.store.LockHolder;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.StoredRunStatus;
import io.stagewatch.store.Uptime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The store's reads, and the lock holder's row; the same SQL for both databases. */
final class RunQueries {
  private static final String RUN_COLUMNS =
      "SELECT run_id, environment, project, run_trigger, label, started_at, finished_at, status,"
          + " total, passed, flaky, failed, error, skipped, runner_version, series, selection"
          + " FROM runs";

  private static final String OF_ENVIRONMENT = " WHERE environment = ?";

  private static final String OF_SERIES = " WHERE environment = ? AND selection = ?";

  private static final String NEWEST_FIRST = " ORDER BY started_at DESC LIMIT ?";

  private static final CheckStatus[] STATUSES = CheckStatus.values();

  /** Each check status's name in the store as its place in {@link CheckStatus}; -1 for others. */
  private static final String STATUS_INDEX = statusIndex();

  private final DataSource data;
  private final Dialect dialect;

  RunQueries(DataSource data, Dialect dialect) {
    this.data = data;
    this.dialect = dialect;
  }

  List<StoredRun> lastRuns(String environment, int count) throws StoreException {
    return runs(OF_ENVIRONMENT, "read the last runs of " + environment, environment, count);
  }

  List<StoredRun> lastRuns(String environment, Series series, int count) throws StoreException {
    return runs(
        OF_SERIES,
        "read the last runs of " + environment + " " + series.describe(),
        environment,
        series.selection(),
        count);
  }

  List<StoredResult> resultsOfLastRuns(String environment, int count) throws StoreException {
    return results(
        OF_ENVIRONMENT, "read the results of the last runs of " + environment, environment, count);
  }

  List<StoredResult> resultsOfLastRuns(String environment, Series series, int count)
      throws StoreException {
    return results(
        OF_SERIES,
        "read the results of the last runs of " + environment + " " + series.describe(),
        environment,
        series.selection(),
        count);
  }

  Uptime uptime(String environment, Series series, Instant since) throws StoreException {
    String sql =
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'PASSED' THEN 1 ELSE 0 END), 0)"
            + " FROM runs"
            + OF_SERIES
            + " AND started_at >= ? AND status IN ('PASSED', 'FAILED')";
    try (Connection c = data.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      Statements.bind(st, environment, series.selection(), since.toEpochMilli());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return new Uptime(rs.getInt(1), rs.getInt(2));
      }
    } catch (SQLException e) {
      throw failure("read the uptime of " + environment + " " + series.describe(), e);
    }
  }

  private List<StoredRun> runs(String where, String what, Object... values) throws StoreException {
    try (Connection c = data.getConnection();
        PreparedStatement st = c.prepareStatement(RUN_COLUMNS + where + NEWEST_FIRST)) {
      Statements.bind(st, values);
      List<StoredRun> runs = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          runs.add(run(rs));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private List<StoredResult> results(String where, String what, Object... values)
      throws StoreException {
    List<String> runIds = new ArrayList<>();
    try (Connection c = data.getConnection();
        PreparedStatement st =
            c.prepareStatement("SELECT run_id FROM runs" + where + NEWEST_FIRST)) {
      Statements.bind(st, values);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          runIds.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
    return resultsOfRuns(runIds, what);
  }

  List<StoredResult> resultsOfRuns(List<String> runIds) throws StoreException {
    return resultsOfRuns(
        runIds, "read the results of " + runIds.size() + (runIds.size() == 1 ? " run" : " runs"));
  }

  /**
   * The results of {@code runIds}, oldest first. A window of 2000 checks is 40000 rows, and
   * SQLite's driver makes each text column a string through JNI: the run and the status come back
   * as numbers (the run's place in {@code runIds}, the status's in {@link CheckStatus}), and each
   * row shares its run's id and its status instead of a string of its own.
   */
  private List<StoredResult> resultsOfRuns(List<String> runIds, String what) throws StoreException {
    if (runIds.isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT "
            + indexIn("run_id", runIds.size())
            + ", check_id, "
            + STATUS_INDEX
            + ", attempts, duration_ms, message, recorded_at, silence_reason, degraded"
            + " FROM check_results WHERE run_id IN ("
            + String.join(", ", Collections.nCopies(runIds.size(), "?"))
            + ") ORDER BY recorded_at";
    List<Object> values = new ArrayList<>(runIds);
    values.addAll(runIds);
    try (Connection c = data.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      Statements.bind(st, values.toArray());
      List<StoredResult> results = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          results.add(
              new StoredResult(
                  runIds.get(rs.getInt(1)),
                  rs.getString(2),
                  status(rs.getInt(3)),
                  rs.getInt(4),
                  rs.getLong(5),
                  rs.getString(6),
                  Instant.ofEpochMilli(rs.getLong(7)),
                  rs.getString(8),
                  rs.getInt(9) != 0));
        }
      }
      return results;
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** {@code CASE column WHEN ? THEN 0 WHEN ? THEN 1 ... END}, for {@code count} values. */
  private static String indexIn(String column, int count) {
    StringBuilder sql = new StringBuilder("CASE ").append(column);
    for (int i = 0; i < count; i++) {
      sql.append(" WHEN ? THEN ").append(i);
    }
    return sql.append(" END").toString();
  }

  private static String statusIndex() {
    StringBuilder sql = new StringBuilder("CASE status");
    for (CheckStatus status : STATUSES) {
      sql.append(" WHEN '").append(status.name()).append("' THEN ").append(status.ordinal());
    }
    return sql.append(" ELSE -1 END").toString();
  }

  private static CheckStatus status(int index) throws SQLException {
    if (index < 0 || index >= STATUSES.length) {
      throw new SQLException("a check result has a status this stagewatch does not know");
    }
    return STATUSES[index];
  }

  void writeHolder(String environment, LockHolder holder) throws StoreException {
    try (Connection c = data.getConnection()) {
      Statements.update(
          c,
          "INSERT INTO run_lock_holders (environment, host, pid, run_id, since)"
              + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (environment) DO UPDATE SET"
              + " host = excluded.host, pid = excluded.pid, run_id = excluded.run_id,"
              + " since = excluded.since",
          environment,
          holder.host(),
          holder.pid(),
          holder.runId(),
          holder.since().toEpochMilli());
    } catch (SQLException e) {
      throw failure("record the run lock's holder", e);
    }
  }

  /**
   * The holder the store names, unless its run is over: a SQLite lock is taken before its holder is
   * written (the store is opened meanwhile), and a run turned away in between would otherwise name
   * the run before, long finished.
   */
  Optional<LockHolder> holder(String environment) throws StoreException {
    String sql =
        "SELECT h.host, h.pid, h.run_id, h.since FROM run_lock_holders h"
            + " LEFT JOIN runs r ON r.run_id = h.run_id"
            + " WHERE h.environment = ? AND (h.run_id IS NULL OR r.status IS NULL"
            + " OR r.status = 'RUNNING')";
    try (Connection c = data.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      Statements.bind(st, environment);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new LockHolder(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4))));
      }
    } catch (SQLException e) {
      throw failure("read the run lock's holder", e);
    }
  }

  private static StoredRun run(ResultSet rs) throws SQLException {
    long finished = rs.getLong(7);
    @Nullable Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
    return new StoredRun(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        Instant.ofEpochMilli(rs.getLong(6)),
        finishedAt,
        StoredRunStatus.valueOf(rs.getString(8)),
        new Counts(
            rs.getInt(9),
            rs.getInt(10),
            rs.getInt(11),
            rs.getInt(12),
            rs.getInt(13),
            rs.getInt(14)),
        rs.getString(15),
        series(rs.getString(16), rs.getString(17)));
  }

  private static @Nullable Series series(@Nullable String name, @Nullable String selection) {
    return name == null || selection == null ? null : new Series(name, selection);
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException(
        "the store "
            + dialect.description()
            + " could not "
            + what
            + ": "
            + JdbcResultStore.rootMessage(e),
        e);
  }
}
