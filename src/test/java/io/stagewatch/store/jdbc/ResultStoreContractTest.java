package io.stagewatch.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stagewatch.TestClock;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import io.stagewatch.store.CheckStats;
import io.stagewatch.store.LockHolder;
import io.stagewatch.store.RunHistory;
import io.stagewatch.store.RunLock;
import io.stagewatch.store.RunLockedException;
import io.stagewatch.store.RunLocks;
import io.stagewatch.store.RunRecorder;
import io.stagewatch.store.RunRetention;
import io.stagewatch.store.StoreDatabase;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.StoredRunStatus;
import io.stagewatch.store.Uptime;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every store must do, role by role, on SQLite and on a real PostgreSQL: recording runs
 * ({@link RunRecorder}), reading them back ({@link RunHistory}), the run lock and abort marking
 * ({@link RunLocks}), retention ({@link RunRetention}) and opening stores of older schemas. The
 * alert state and the outbox ({@link io.stagewatch.store.NoticeOutbox}) have their own contract
 * test beside this one, {@link NoticeOutboxContractTest}.
 */
class ResultStoreContractTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;

  static RunInfo info(String env, Instant startedAt) {
    return new RunInfo(UUID.randomUUID().toString(), "shop", env, "cron", "b1", startedAt);
  }

  static RunInfo info(String env, Instant startedAt, Series series) {
    return new RunInfo(UUID.randomUUID().toString(), "shop", env, "cron", "b1", startedAt, series);
  }

  static CheckResult check(String id, CheckStatus status, long durationMs, String message) {
    String[] parts = id.split("/", 2);
    return new CheckResult(
        id, parts[0], parts[1], List.of("smoke"), status, 1, durationMs, message, List.of());
  }

  /** Records one whole run and returns it. */
  static RunResult record(RunRecorder store, RunInfo info, List<CheckResult> checks)
      throws Exception {
    store.runStarted(info, "test");
    for (CheckResult c : checks) {
      store.checkFinished(info.runId(), c);
    }
    RunResult result = new RunResult(info, info.startedAt().plusSeconds(2), checks);
    store.runFinished(result);
    return result;
  }

  JdbcResultStore open(StoreDatabase db) throws Exception {
    return JdbcResultStore.open(db.freshUrl(dir), dir, Clock.systemUTC());
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aRunAndARerunCheckAreReadBackOnceEach(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = open(db)) {
      RunInfo info = info("staging", T0);
      store.runStarted(info, "1.2.3");
      store.checkFinished(info.runId(), check("api/a", CheckStatus.FAILED, 40, "boom"));
      CheckResult rerun = check("api/a", CheckStatus.FLAKY, 50, null);
      CheckResult b = check("api/b", CheckStatus.PASSED, 10, null);
      store.checkFinished(info.runId(), rerun);
      store.checkFinished(info.runId(), b);
      assertThat(store.lastRuns("staging", 5).get(0).status()).isEqualTo(StoredRunStatus.RUNNING);
      store.runFinished(new RunResult(info, T0.plusMillis(1500), List.of(rerun, b)));

      StoredRun run = store.lastRuns("staging", 5).get(0);
      assertThat(run.runId()).isEqualTo(info.runId());
      assertThat(run.status()).isEqualTo(StoredRunStatus.PASSED);
      assertThat(run.trigger()).isEqualTo("cron");
      assertThat(run.label()).isEqualTo("b1");
      assertThat(run.project()).isEqualTo("shop");
      assertThat(run.runnerVersion()).isEqualTo("1.2.3");
      assertThat(run.duration()).isEqualTo(Duration.ofMillis(1500));
      assertThat(run.counts().total()).isEqualTo(2);
      assertThat(run.counts().flaky()).isEqualTo(1);
      List<StoredResult> results = store.resultsOfLastRuns("staging", 5);
      assertThat(results)
          .extracting(StoredResult::checkId, StoredResult::status, StoredResult::durationMs)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("api/a", CheckStatus.FLAKY, 50L),
              org.assertj.core.groups.Tuple.tuple("api/b", CheckStatus.PASSED, 10L));
      assertThat(store.lastRuns("other", 5)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void resultsWrittenInBatchesReplaceEarlierOnesAndEveryWriteCanBeRepeated(StoreDatabase db)
      throws Exception {
    try (JdbcResultStore store = open(db)) {
      RunRecorder recorder = store;
      RunInfo info = info("staging", T0);
      recorder.runStarted(info, "1.2.3");
      recorder.runStarted(info, "9.9.9");
      CheckResult a = check("api/a", CheckStatus.FAILED, 40, "boom");
      CheckResult b = check("api/b", CheckStatus.PASSED, 10, null);
      recorder.checksFinished(info.runId(), List.of(a, b));
      CheckResult rerun = check("api/a", CheckStatus.FLAKY, 50, null);
      recorder.checksFinished(info.runId(), List.of(rerun));
      recorder.checksFinished(info.runId(), List.of(rerun));
      assertThat(store.resultsOfLastRuns("staging", 1))
          .extracting(StoredResult::checkId, StoredResult::status)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("api/a", CheckStatus.FLAKY),
              org.assertj.core.groups.Tuple.tuple("api/b", CheckStatus.PASSED));

      recorder.runFinished(new RunResult(info, T0.plusSeconds(1), List.of(rerun, b)));
      recorder.runFinished(new RunResult(info, T0.plusSeconds(9), List.of(a, b)));

      StoredRun run = store.lastRuns("staging", 5).get(0);
      assertThat(run.runnerVersion()).as("the first start counts").isEqualTo("1.2.3");
      assertThat(run.duration()).as("the first end counts").isEqualTo(Duration.ofSeconds(1));
      assertThat(run.status()).isEqualTo(StoredRunStatus.PASSED);
      assertThat(run.counts().flaky()).isEqualTo(1);
      assertThat(store.resultsOfLastRuns("staging", 1))
          .filteredOn(r -> r.checkId().equals("api/a"))
          .extracting(StoredResult::status)
          .containsExactly(CheckStatus.FLAKY);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void eachSeriesIsReadApartAndTheEnvironmentsRunsTogether(StoreDatabase db) throws Exception {
    Series smoke = new Series("smoke", "-t smoke");
    Series database = new Series("db", "-s db");
    try (JdbcResultStore store = open(db)) {
      RunResult smoke1 = record(store, info("staging", T0, smoke), List.of(passed("api/a")));
      RunResult db1 =
          record(
              store,
              info("staging", T0.plusSeconds(60), database),
              List.of(check("db/up", CheckStatus.FAILED, 5, "refused")));
      RunResult smoke2 =
          record(store, info("staging", T0.plusSeconds(120), smoke), List.of(passed("api/a")));
      RunResult adhoc = record(store, info("staging", T0.plusSeconds(180)), List.of());
      record(store, info("qa", T0.plusSeconds(240), smoke), List.of(passed("api/a")));
      RunHistory history = store;

      assertThat(history.lastRuns("staging", smoke, 10))
          .extracting(StoredRun::runId)
          .containsExactly(smoke2.info().runId(), smoke1.info().runId());
      assertThat(history.lastRuns("staging", smoke, 10)).allMatch(r -> smoke.equals(r.series()));
      assertThat(history.lastRuns("staging", smoke, 1))
          .extracting(StoredRun::runId)
          .containsExactly(smoke2.info().runId());
      assertThat(history.resultsOfLastRuns("staging", database, 10))
          .extracting(StoredResult::runId, StoredResult::checkId)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(db1.info().runId(), "db/up"));
      assertThat(history.resultsOfLastRuns("staging", smoke, 1))
          .extracting(StoredResult::runId)
          .containsExactly(smoke2.info().runId());
      assertThat(history.lastRuns("staging", 10))
          .extracting(StoredRun::runId)
          .containsExactly(
              adhoc.info().runId(),
              smoke2.info().runId(),
              db1.info().runId(),
              smoke1.info().runId());
      assertThat(history.lastRuns("qa", database, 10)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void uptimeCountsTheSeriesFinishedRunsSinceAnInstant(StoreDatabase db) throws Exception {
    Series smoke = new Series("smoke", "-t smoke");
    try (JdbcResultStore store = open(db)) {
      record(store, info("staging", T0, smoke), List.of(passed("api/a")));
      record(
          store,
          info("staging", T0.plusSeconds(60), smoke),
          List.of(check("api/a", CheckStatus.FAILED, 5, "500")));
      record(store, info("staging", T0.plusSeconds(120), smoke), List.of(passed("api/a")));
      record(store, info("staging", T0.plusSeconds(150)), List.of(passed("api/a")));
      // Started and never finished: neither up nor down.
      store.runStarted(info("staging", T0.plusSeconds(180), smoke), "test");
      RunHistory history = store;

      assertThat(history.uptime("staging", smoke, T0)).isEqualTo(new Uptime(3, 2));
      assertThat(history.uptime("staging", smoke, T0.plusSeconds(60))).isEqualTo(new Uptime(2, 1));
      assertThat(history.uptime("staging", smoke, T0.plusSeconds(121))).isEqualTo(new Uptime(0, 0));
      assertThat(history.uptime("staging", smoke, T0.plusSeconds(121)).ratio()).isEmpty();
      assertThat(history.uptime("qa", smoke, T0)).isEqualTo(new Uptime(0, 0));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void statisticsOverTenRunsMatchTheKnownDurationsAndOutcomes(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = open(db)) {
      for (int i = 1; i <= 10; i++) {
        CheckStatus status =
            i == 4 ? CheckStatus.FAILED : i == 7 ? CheckStatus.FLAKY : CheckStatus.PASSED;
        record(
            store,
            info("staging", T0.plusSeconds(60L * i)),
            List.of(check("api/a", status, 10L * i, i == 4 ? "got 500" : null)));
      }
      record(store, info("staging", T0.minusSeconds(60)), List.of());

      CheckStats a = CheckStats.of(store.resultsOfLastRuns("staging", 10)).get(0);
      assertThat(a.id()).isEqualTo("api/a");
      assertThat(a.passRate()).isEqualTo(0.9);
      assertThat(a.flaky()).isEqualTo(1);
      assertThat(a.p50Ms()).isEqualTo(50);
      assertThat(a.p95Ms()).isEqualTo(100);
      assertThat(a.lastFailure()).isEqualTo("got 500");
      assertThat(a.lastFailureAt()).isNotNull();
      assertThat(store.lastRuns("staging", 3))
          .extracting(StoredRun::startedAt)
          .containsExactly(T0.plusSeconds(600), T0.plusSeconds(540), T0.plusSeconds(480));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void retentionDeletesOnlyRunsThatStartedBeforeTheCutoff(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = open(db)) {
      record(store, info("staging", T0.minus(Duration.ofDays(20))), List.of(passed("api/a")));
      record(store, info("qa", T0.minus(Duration.ofDays(15))), List.of(passed("api/a")));
      RunResult recent =
          record(store, info("staging", T0.minus(Duration.ofDays(2))), List.of(passed("api/a")));

      RunRetention retention = store;
      assertThat(retention.deleteRunsStartedBefore(T0.minus(Duration.ofDays(14)))).isEqualTo(2);

      assertThat(store.lastRuns("staging", 10))
          .extracting(StoredRun::runId)
          .containsExactly(recent.info().runId());
      assertThat(store.lastRuns("qa", 10)).isEmpty();
      assertThat(store.resultsOfLastRuns("staging", 10)).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aDegradedPassIsReadBackDegraded(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = open(db)) {
      CheckResult slow =
          new CheckResult(
              "api/slow",
              "api",
              "slow",
              List.of("smoke"),
              CheckStatus.PASSED,
              1,
              900,
              "response took 900 ms, more than degradedResponseTime 500ms",
              List.of(),
              null,
              true,
              null);
      record(store, info("staging", T0), List.of(slow, passed("api/fast")));

      assertThat(store.resultsOfLastRuns("staging", 1))
          .extracting(StoredResult::checkId, StoredResult::degraded)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("api/slow", true),
              org.assertj.core.groups.Tuple.tuple("api/fast", false));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void resultsOfRunsAreThoseRunsOnlyOldestFirst(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = open(db)) {
      RunResult first =
          record(store, info("staging", T0), List.of(passed("api/a"), passed("api/b")));
      RunResult second =
          record(store, info("staging", T0.plusSeconds(60)), List.of(passed("api/a")));
      RunResult third =
          record(store, info("staging", T0.plusSeconds(120)), List.of(passed("api/c")));

      List<StoredResult> read =
          store.resultsOfRuns(List.of(third.info().runId(), first.info().runId()));

      assertThat(read)
          .extracting(StoredResult::runId, StoredResult::checkId)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(first.info().runId(), "api/a"),
              org.assertj.core.groups.Tuple.tuple(first.info().runId(), "api/b"),
              org.assertj.core.groups.Tuple.tuple(third.info().runId(), "api/c"));
      assertThat(read)
          .isSortedAccordingTo(java.util.Comparator.comparing(StoredResult::recordedAt));
      assertThat(read).extracting(StoredResult::runId).doesNotContain(second.info().runId());
      assertThat(store.resultsOfRuns(List.of())).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aRunLeftRunningIsMarkedAbortedWithTheResultsItHad(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = open(db)) {
      RunInfo killed = info("staging", T0);
      store.runStarted(killed, "test");
      store.checkFinished(killed.runId(), passed("api/a"));
      store.checkFinished(killed.runId(), check("api/b", CheckStatus.FAILED, 5, "no"));
      RunInfo otherEnv = info("qa", T0);
      store.runStarted(otherEnv, "test");

      RunLocks locks = store;
      assertThat(locks.markAbandoned("staging")).isEqualTo(1);

      StoredRun run = store.lastRuns("staging", 1).get(0);
      assertThat(run.status()).isEqualTo(StoredRunStatus.ABORTED);
      assertThat(run.finishedAt()).isNull();
      assertThat(run.counts().total()).isEqualTo(2);
      assertThat(run.counts().passed()).isEqualTo(1);
      assertThat(run.counts().failed()).isEqualTo(1);
      assertThat(store.resultsOfLastRuns("staging", 1)).hasSize(2);
      assertThat(store.lastRuns("qa", 1).get(0).status()).isEqualTo(StoredRunStatus.RUNNING);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aStoreWrittenWithTheFirstSchemaOpensAndKeepsItsRuns(StoreDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Dialect dialect = JdbcResultStore.dialect(url, dir);
    JdbcResultStore.open(dialect, 1, Clock.systemUTC()).close();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO runs (run_id, environment, run_trigger, started_at, finished_at, status,"
              + " total, passed) VALUES ('old-run', 'staging', 'cron', "
              + T0.toEpochMilli()
              + ", "
              + (T0.toEpochMilli() + 1000)
              + ", 'PASSED', 1, 1)");
    }

    try (JdbcResultStore store = JdbcResultStore.open(url, dir, Clock.systemUTC())) {
      StoredRun old = store.lastRuns("staging", 1).get(0);
      assertThat(old.runId()).isEqualTo("old-run");
      assertThat(old.runnerVersion()).isNull();
      record(store, info("staging", T0.plusSeconds(60)), List.of(passed("api/a")));
      assertThat(store.lastRuns("staging", 5)).hasSize(2);
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(Migrations.LATEST);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void theRunLockAdmitsOneHolderAndNamesIt(StoreDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    try (JdbcResultStore first = JdbcResultStore.open(url, dir, Clock.systemUTC());
        JdbcResultStore second = JdbcResultStore.open(url, dir, Clock.systemUTC())) {
      LockHolder me = new LockHolder("build-7", 4711, null, T0);
      Optional<RunLock> lock = first.tryLock("staging", me);
      assertThat(lock).isPresent();

      assertThat(second.tryLock("staging", LockHolder.thisProcess(T0))).isEmpty();
      assertThat(second.lockHolder("staging")).contains(me);
      RunInfo run = new RunInfo("r-held", "shop", "staging", "cron", null, T0, Series.ALL_ADHOC);
      first.runStarted(run, "test");
      assertThat(second.lockHolder("staging"))
          .as("the holder's run is going on")
          .contains(new LockHolder("build-7", 4711, "r-held", T0));
      first.runFinished(new RunResult(run, T0.plusSeconds(1), List.of()));
      assertThat(second.lockHolder("staging"))
          .as("a holder whose run is over is the run before, not the one holding the lock")
          .isEmpty();
      Optional<RunLock> otherEnvironment = second.tryLock("qa", LockHolder.thisProcess(T0));
      assertThat(otherEnvironment).isPresent();
      otherEnvironment.get().close();

      lock.get().close();
      Optional<RunLock> after = second.tryLock("staging", LockHolder.thisProcess(T0));
      assertThat(after).isPresent();
      after.get().close();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aRunWaitingForTheLockGetsItWhenTheHolderLetsGo(StoreDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    TestClock clock = new TestClock(T0);
    try (JdbcResultStore first = JdbcResultStore.open(url, dir, Clock.systemUTC());
        JdbcResultStore second = JdbcResultStore.open(url, dir, Clock.systemUTC())) {
      RunLock held = first.tryLock("staging", LockHolder.thisProcess(T0)).orElseThrow();
      CompletableFuture<RunLock> gaveUp = waitForLock(second, Duration.ofMinutes(5), clock);
      // Nothing but the clock or the holder can end the wait.
      assertThat(gaveUp).isNotDone();
      clock.advance(Duration.ofMinutes(5));
      assertThatThrownBy(() -> gaveUp.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(RunLockedException.class)
          .hasMessageContaining("holds the run lock");

      CompletableFuture<RunLock> waiting = waitForLock(second, Duration.ofMinutes(5), clock);
      held.close();

      waiting.get(10, TimeUnit.SECONDS).close();
    }
  }

  /**
   * Waits for the staging lock on {@code clock}, on another thread, and returns once that thread is
   * waiting: it has read the clock for the wait's start and again after the first refusal.
   */
  static CompletableFuture<RunLock> waitForLock(
      JdbcResultStore store, Duration wait, TestClock clock) {
    LockHolder me = LockHolder.thisProcess(T0);
    int reads = clock.reads();
    CompletableFuture<RunLock> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return store.lock("staging", me, wait, clock);
              } catch (StoreException | RunLockedException e) {
                throw new CompletionException(e);
              }
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> clock.reads() >= reads + 2);
    return waiting;
  }

  static CheckResult passed(String id) {
    return check(id, CheckStatus.PASSED, 10, null);
  }
}
