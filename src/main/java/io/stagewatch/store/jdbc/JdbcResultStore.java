package io.stagewatch.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.Counts;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.AlertState;
import io.stagewatch.store.AlertUpdate;
import io.stagewatch.store.LockHolder;
import io.stagewatch.store.NoticeStatus;
import io.stagewatch.store.OutboxNotice;
import io.stagewatch.store.ResultStore;
import io.stagewatch.store.RunLock;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The store over JDBC, for SQLite and PostgreSQL alike: the statements here are the same for both;
 * {@link Dialect} holds what differs. Connections come from a HikariCP pool.
 */
public final class JdbcResultStore implements ResultStore {
  private static final String UPSERT_RESULT =
      "INSERT INTO check_results (run_id, check_id, suite, tags, status, attempts, duration_ms,"
          + " message, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (run_id, check_id) DO UPDATE SET suite = excluded.suite,"
          + " tags = excluded.tags, status = excluded.status, attempts = excluded.attempts,"
          + " duration_ms = excluded.duration_ms, message = excluded.message,"
          + " recorded_at = excluded.recorded_at";

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

  private final Dialect dialect;
  private final HikariDataSource pool;
  private final RunQueries queries;
  private final NoticeQueries notices;

  private JdbcResultStore(Dialect dialect, HikariDataSource pool) {
    this.dialect = dialect;
    this.pool = pool;
    this.queries = new RunQueries(pool, dialect);
    this.notices = new NoticeQueries(pool);
  }

  /**
   * Opens the store at {@code url} and brings its schema up to date.
   *
   * @param baseDir what a relative SQLite path is resolved against
   */
  public static JdbcResultStore open(String url, Path baseDir) throws StoreException {
    return open(dialect(url, baseDir), Migrations.LATEST);
  }

  static Dialect dialect(String url, Path baseDir) throws StoreException {
    if (url.startsWith(SqliteDialect.PREFIX)) {
      return SqliteDialect.of(url, baseDir);
    }
    if (url.startsWith(PostgresDialect.PREFIX)) {
      return new PostgresDialect(url);
    }
    throw new StoreException("unsupported store URL " + url);
  }

  /** Opens the store with its schema at {@code schemaVersion}; older versions are for tests. */
  static JdbcResultStore open(Dialect dialect, int schemaVersion) throws StoreException {
    HikariConfig config = new HikariConfig();
    config.setPoolName("stagewatch-store");
    dialect.configure(config);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          "the store " + dialect.description() + " cannot be opened: " + rootMessage(e), e);
    }
    try {
      Migrations.migrate(pool, dialect, schemaVersion);
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw new StoreException(
          "the store " + dialect.description() + " cannot be prepared: " + rootMessage(e), e);
    }
    return new JdbcResultStore(dialect, pool);
  }

  @Override
  public void runStarted(RunInfo info, String runnerVersion) throws StoreException {
    update(
        "record the start of run " + info.runId(),
        "INSERT INTO runs (run_id, environment, project, run_trigger, label, started_at, status,"
            + " runner_version) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?)",
        info.runId(),
        info.environment(),
        info.project(),
        info.trigger(),
        info.label(),
        info.startedAt().toEpochMilli(),
        runnerVersion);
    update(
        "record the lock holder's run",
        "UPDATE run_lock_holders SET run_id = ? WHERE environment = ?",
        info.runId(),
        info.environment());
  }

  @Override
  public void checkFinished(String runId, CheckResult result) throws StoreException {
    try (Connection c = pool.getConnection();
        PreparedStatement st = c.prepareStatement(UPSERT_RESULT)) {
      bindResult(st, runId, result);
      st.executeUpdate();
    } catch (SQLException e) {
      throw failure("record the result of " + result.id(), e);
    }
  }

  @Override
  public void runFinished(RunResult result, AlertUpdate update) throws StoreException {
    String runId = result.info().runId();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement st = c.prepareStatement(UPSERT_RESULT)) {
        // Every result again: a write lost while the run went on must not leave a gap.
        for (CheckResult check : result.checks()) {
          bindResult(st, runId, check);
          st.addBatch();
        }
        st.executeBatch();
      }
      Counts n = result.counts();
      Statements.update(
          c,
          "UPDATE runs SET finished_at = ?, status = ?, total = ?, passed = ?, flaky = ?,"
              + " failed = ?, error = ?, skipped = ? WHERE run_id = ?",
          result.finishedAt().toEpochMilli(),
          result.status().name(),
          n.total(),
          n.passed(),
          n.flaky(),
          n.failed(),
          n.error(),
          n.skipped(),
          runId);
      NoticeQueries.write(c, result.info().environment(), update);
      c.commit();
    } catch (SQLException e) {
      throw failure("record the end of run " + runId, e);
    }
  }

  @Override
  public Map<String, AlertState> alertStates(String environment) throws StoreException {
    try {
      return notices.states(environment);
    } catch (SQLException e) {
      throw failure("read the alert state", e);
    }
  }

  @Override
  public List<OutboxNotice> claimNotices(String environment, Instant now, Instant staleBefore)
      throws StoreException {
    try {
      return notices.claim(environment, now, staleBefore);
    } catch (SQLException e) {
      throw failure("claim the notices to send", e);
    }
  }

  @Override
  public int waitingNotices(String environment) throws StoreException {
    try {
      return notices.waiting(environment);
    } catch (SQLException e) {
      throw failure("count the notices waiting to be sent", e);
    }
  }

  @Override
  public void settleNotice(String noticeId, NoticeStatus status, @Nullable String error, Instant at)
      throws StoreException {
    try {
      notices.settle(noticeId, status, error, at);
    } catch (SQLException e) {
      throw failure("record the delivery of notice " + noticeId, e);
    }
  }

  @Override
  public int markAbandoned(String environment) throws StoreException {
    return update("mark abandoned runs", MARK_ABANDONED, environment);
  }

  @Override
  public int deleteRunsStartedBefore(Instant cutoff) throws StoreException {
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
      c.commit();
      return runs;
    } catch (SQLException e) {
      throw failure("delete old runs", e);
    }
  }

  @Override
  public List<StoredRun> lastRuns(String environment, int count) throws StoreException {
    return queries.lastRuns(environment, count);
  }

  @Override
  public List<StoredResult> resultsOfLastRuns(String environment, int count) throws StoreException {
    return queries.resultsOfLastRuns(environment, count);
  }

  @Override
  public Optional<RunLock> tryLock(String environment, LockHolder me) throws StoreException {
    Optional<RunLock> lock = dialect.tryLock(environment);
    if (lock.isPresent()) {
      try {
        queries.writeHolder(environment, me);
      } catch (StoreException e) {
        lock.get().close();
        throw e;
      }
    }
    return lock;
  }

  @Override
  public Optional<LockHolder> lockHolder(String environment) throws StoreException {
    return queries.holder(environment);
  }

  @Override
  public void close() {
    pool.close();
  }

  private static void bindResult(PreparedStatement st, String runId, CheckResult r)
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
        System.currentTimeMillis());
  }

  private int update(String what, String sql, @Nullable Object... args) throws StoreException {
    try (Connection c = pool.getConnection()) {
      return Statements.update(c, sql, args);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException(
        "the store " + dialect.description() + " could not " + what + ": " + rootMessage(e), e);
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

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
