package io.stagewatch.store.jdbc;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import io.stagewatch.store.AlertState;
import io.stagewatch.store.AlertUpdate;
import io.stagewatch.store.LockHolder;
import io.stagewatch.store.NoticeStatus;
import io.stagewatch.store.OutboxNotice;
import io.stagewatch.store.ResultStore;
import io.stagewatch.store.RunLock;
import io.stagewatch.store.Silence;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoreLocation;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.Uptime;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The store over JDBC, for SQLite and PostgreSQL alike: the statements are the same for both;
 * {@link Dialect} holds what differs, and where connections come from ({@link Connections}). This
 * class opens the store, plays every role of it, and turns SQL failures into {@link
 * StoreException}s that say what could not be done; the SQL itself is in {@link RunWrites} (the
 * {@link io.stagewatch.store.RunRecorder}'s writes, and marking abandoned runs), {@link RunQueries}
 * (the {@link io.stagewatch.store.RunHistory}, and the lock holder), {@link NoticeQueries} (the
 * alert state and the {@link io.stagewatch.store.NoticeOutbox}), {@link Retention} (the {@link
 * io.stagewatch.store.RunRetention}) and {@link SilenceQueries} (the {@link
 * io.stagewatch.store.Silences}); the run lock itself is the {@link Dialect}'s.
 */
public final class JdbcResultStore implements ResultStore {
  private final Dialect dialect;
  private final Connections connections;
  private final DataSource pool;
  private final RunWrites writes;
  private final RunQueries queries;
  private final NoticeQueries notices;
  private final Retention retention;
  private final SilenceQueries silences;

  private JdbcResultStore(Dialect dialect, Connections connections, Clock clock) {
    this.dialect = dialect;
    this.connections = connections;
    this.pool = connections.source();
    this.writes = new RunWrites(pool, clock);
    this.queries = new RunQueries(pool, dialect);
    this.notices = new NoticeQueries(pool);
    this.retention = new Retention(pool);
    this.silences = new SilenceQueries(pool);
  }

  /**
   * Opens the store at {@code url} and brings its schema up to date.
   *
   * @param baseDir what a relative SQLite path is resolved against
   * @param clock when a result or a schema version was written, as the store records it
   */
  public static JdbcResultStore open(String url, Path baseDir, Clock clock) throws StoreException {
    return open(dialect(url, baseDir), Migrations.LATEST, clock);
  }

  /**
   * The store at {@code url}, not opened yet: its run lock can be taken first where it lives
   * outside the database. Creates an SQLite store's folder.
   *
   * @param baseDir what a relative SQLite path is resolved against
   * @param clock when a result or a schema version was written, as the store records it
   */
  public static StoreLocation locate(String url, Path baseDir, Clock clock) throws StoreException {
    return new JdbcStoreLocation(dialect(url, baseDir), clock);
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
  static JdbcResultStore open(Dialect dialect, int schemaVersion, Clock clock)
      throws StoreException {
    Connections connections;
    try {
      connections = dialect.connect();
    } catch (SQLException | RuntimeException e) {
      throw new StoreException(
          "the store " + dialect.description() + " cannot be opened: " + rootMessage(e), e);
    }
    try {
      Migrations.migrate(connections.source(), dialect, schemaVersion, clock);
    } catch (SQLException | RuntimeException e) {
      connections.close();
      throw new StoreException(
          "the store " + dialect.description() + " cannot be prepared: " + rootMessage(e), e);
    }
    JdbcResultStore store = new JdbcResultStore(dialect, connections, clock);
    store.releaseSpace();
    return store;
  }

  @Override
  public void runStarted(RunInfo info, String runnerVersion) throws StoreException {
    try {
      writes.runStarted(info, runnerVersion);
    } catch (SQLException e) {
      throw failure("record the start of run " + info.runId(), e);
    }
    try {
      writes.holderRuns(info.environment(), info.runId());
    } catch (SQLException e) {
      throw failure("record the lock holder's run", e);
    }
  }

  @Override
  public void checkFinished(String runId, CheckResult result) throws StoreException {
    try {
      writes.checkFinished(runId, result);
    } catch (SQLException e) {
      throw failure("record the result of " + result.id(), e);
    }
  }

  @Override
  public void checksFinished(String runId, List<CheckResult> results) throws StoreException {
    try {
      writes.checksFinished(runId, results);
    } catch (SQLException e) {
      throw failure(
          results.size() == 1
              ? "record the result of " + results.get(0).id()
              : "record " + results.size() + " results of run " + runId,
          e);
    }
  }

  @Override
  public void runFinished(RunResult result, AlertUpdate update) throws StoreException {
    try {
      writes.runFinished(result, update);
    } catch (SQLException e) {
      throw failure("record the end of run " + result.info().runId(), e);
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
  public List<OutboxNotice> claimNotices(
      String environment, String channel, Instant now, Instant staleBefore) throws StoreException {
    try {
      return notices.claim(environment, channel, now, staleBefore);
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
    try {
      return writes.markAbandoned(environment);
    } catch (SQLException e) {
      throw failure("mark abandoned runs", e);
    }
  }

  @Override
  public int deleteRunsStartedBefore(Instant cutoff) throws StoreException {
    try {
      return retention.deleteRunsStartedBefore(cutoff);
    } catch (SQLException e) {
      throw failure("delete old runs", e);
    }
  }

  @Override
  public void addSilence(Silence silence) throws StoreException {
    try {
      silences.add(silence);
    } catch (SQLException e) {
      throw failure("record the silence", e);
    }
  }

  @Override
  public Optional<Silence> silence(String id) throws StoreException {
    try {
      return silences.one(id);
    } catch (SQLException e) {
      throw failure("read silence " + id, e);
    }
  }

  @Override
  public List<Silence> silencesEndingAfter(Instant since) throws StoreException {
    try {
      return silences.endingAfter(since);
    } catch (SQLException e) {
      throw failure("read the silences", e);
    }
  }

  @Override
  public List<Silence> activeSilences(String environment, Instant now) throws StoreException {
    try {
      return silences.active(environment, now);
    } catch (SQLException e) {
      throw failure("read the active silences", e);
    }
  }

  @Override
  public boolean endSilence(String id, Instant now) throws StoreException {
    try {
      return silences.end(id, now);
    } catch (SQLException e) {
      throw failure("end silence " + id, e);
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
  public List<StoredRun> lastRuns(String environment, Series series, int count)
      throws StoreException {
    return queries.lastRuns(environment, series, count);
  }

  @Override
  public List<StoredResult> resultsOfLastRuns(String environment, Series series, int count)
      throws StoreException {
    return queries.resultsOfLastRuns(environment, series, count);
  }

  @Override
  public List<StoredResult> resultsOfRuns(List<String> runIds) throws StoreException {
    return queries.resultsOfRuns(runIds);
  }

  @Override
  public Uptime uptime(String environment, Series series, Instant since) throws StoreException {
    return queries.uptime(environment, series, since);
  }

  @Override
  public Optional<RunLock> tryLock(String environment, LockHolder me) throws StoreException {
    Optional<RunLock> lock = dialect.tryLock(environment);
    if (lock.isPresent()) {
      try {
        recordHolder(environment, me);
      } catch (StoreException e) {
        lock.get().close();
        throw e;
      }
    }
    return lock;
  }

  @Override
  public void recordHolder(String environment, LockHolder me) throws StoreException {
    queries.writeHolder(environment, me);
  }

  @Override
  public Optional<LockHolder> lockHolder(String environment) throws StoreException {
    return queries.holder(environment);
  }

  @Override
  public void close() {
    releaseSpace();
    connections.close();
  }

  /**
   * Lets the database give back space it holds beyond its data. When it cannot (the disk is still
   * full, another process is writing), the next open or close tries again; the writes in between
   * say what is wrong if it matters.
   */
  private void releaseSpace() {
    try {
      dialect.releaseSpace(pool);
    } catch (SQLException | RuntimeException e) {
      // Not a failure of the run: see above.
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException(
        "the store " + dialect.description() + " could not " + what + ": " + rootMessage(e), e);
  }

  /** Why it failed, in plain words: see {@link FailureReason}. */
  static String rootMessage(Throwable e) {
    return FailureReason.of(e);
  }
}
