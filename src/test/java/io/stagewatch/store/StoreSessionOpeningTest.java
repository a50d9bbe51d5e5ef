package io.stagewatch.store;

import static io.stagewatch.store.StoreFixtures.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunListener;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import io.stagewatch.store.jdbc.JdbcResultStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on an SQLite store takes its lock first and opens the store on a thread of its own while
 * the run begins: the run's records wait for the store, and a store that cannot be opened is the
 * session's problem, not the run's end.
 */
class StoreSessionOpeningTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Series SMOKE = new Series(Series.ADHOC, "-t smoke");
  private static final Duration RETENTION = Duration.ofDays(14);

  @TempDir Path dir;

  /**
   * A real store that says when its opening is asked for, and opens only once the test lets it go
   * on ({@link #gate}).
   */
  private static final class GatedLocation implements StoreLocation {
    final StoreLocation store;
    final CountDownLatch asked = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    final AtomicBoolean opened = new AtomicBoolean();

    GatedLocation(StoreLocation store) {
      this.store = store;
    }

    /** A location whose opening goes on as soon as it is asked for. */
    static GatedLocation open(StoreLocation store) {
      GatedLocation location = new GatedLocation(store);
      location.gate.countDown();
      return location;
    }

    @Override
    public Optional<RunLock> tryLockFirst(String environment) {
      return store.tryLockFirst(environment);
    }

    @Override
    public ResultStore open() throws StoreException {
      asked.countDown();
      try {
        if (!gate.await(30, TimeUnit.SECONDS)) {
          throw new StoreException("the test never let the store open");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted", e);
      }
      ResultStore open = store.open();
      opened.set(true);
      return open;
    }
  }

  private StoreLocation sqlite(String file) throws StoreException {
    return JdbcResultStore.locate("jdbc:sqlite:" + dir.resolve(file), dir, CLOCK);
  }

  private static RunInfo info(Instant startedAt) {
    return StoreFixtures.info(startedAt, SMOKE);
  }

  private static RunResult recordRun(RunListener listener, RunInfo info, List<CheckResult> checks) {
    listener.runStarted(info, checks.size());
    checks.forEach(listener::checkFinished);
    RunResult result = new RunResult(info, info.startedAt().plusSeconds(2), checks);
    listener.runFinished(result);
    return result;
  }

  @Test
  void theRunBeginsBeforeTheStoreIsOpenAndIsRecordedOnceItIs() throws Exception {
    // A run killed before its end, left RUNNING: the session marks it ABORTED before recording.
    // A run older than the retention: the session deletes it.
    RunInfo killed = info(NOW.minus(Duration.ofMinutes(30)));
    RunInfo expired = info(NOW.minus(Duration.ofDays(20)));
    try (ResultStore store = sqlite("store/stagewatch.db").open()) {
      store.runStarted(killed, "test");
      store.runStarted(expired, "test");
      store.runFinished(new RunResult(expired, expired.startedAt().plusSeconds(2), List.of()));
    }
    GatedLocation location = new GatedLocation(sqlite("store/stagewatch.db"));

    Optional<StoreSession> opening =
        StoreSession.opening(location, "staging", RETENTION, null, CLOCK);

    assertThat(opening).as("the lock was free").isPresent();
    try (StoreSession session = opening.get()) {
      assertThat(location.tryLockFirst("staging")).as("the session holds the lock").isEmpty();
      RunInfo now = info(NOW);
      List<CheckResult> checks =
          List.of(check("api/a", CheckStatus.PASSED), check("api/b", CheckStatus.FAILED));
      session.readAhead("staging", SMOKE, 5, 20);
      RunListener listener = session.listener();
      listener.runStarted(now, checks.size());
      checks.forEach(listener::checkFinished);
      assertThat(location.opened).as("the run went on while the store was opening").isFalse();

      location.gate.countDown();
      assertThat(session.history()).as("the store opened").isPresent();
      try (ResultStore other = sqlite("store/stagewatch.db").open()) {
        assertThat(other.lockHolder("staging"))
            .as("the holder was recorded once the store was open")
            .hasValueSatisfying(
                holder -> {
                  assertThat(holder.pid()).isEqualTo(ProcessHandle.current().pid());
                  assertThat(holder.since()).isEqualTo(NOW);
                });
      }
      RunResult result = new RunResult(now, NOW.plusSeconds(2), checks);
      listener.runFinished(result);
      RecentRuns recent = session.finish(result, 5, 20);

      assertThat(session.problem()).isEmpty();
      assertThat(recent).isNotNull();
      assertThat(recent.runs())
          .extracting(StoredRun::runId, StoredRun::status)
          .containsExactly(
              tuple(now.runId(), StoredRunStatus.FAILED),
              tuple(killed.runId(), StoredRunStatus.ABORTED));
      assertThat(recent.results())
          .extracting(StoredResult::runId)
          .containsOnly(now.runId())
          .hasSize(2);
    }
    assertThat(location.tryLockFirst("staging")).as("closing released the lock").isPresent();
  }

  @Test
  void aStoreThatCannotBeOpenedLeavesTheRunGoingAndIsTheSessionsProblem() throws Exception {
    // A folder where the database file should be: the lock file beside it can be made, the
    // database cannot be opened.
    Files.createDirectories(dir.resolve("store/stagewatch.db"));
    StoreLocation location = sqlite("store/stagewatch.db");

    StoreSession session =
        StoreSession.opening(location, "staging", RETENTION, null, CLOCK).orElseThrow();
    RunResult result =
        recordRun(session.listener(), info(NOW), List.of(check("api/a", CheckStatus.PASSED)));

    assertThat(session.finish(result, 5, 20)).isNull();
    assertThat(session.problem())
        .hasValueSatisfying(
            problem -> assertThat(problem.getMessage()).contains("cannot be opened"));
    assertThat(session.history()).isEmpty();
    session.close();
    assertThat(location.tryLockFirst("staging")).as("closing released the lock").isPresent();
  }

  @Test
  void aHeldLockLeavesTheStoreToBeOpenedFirst() throws Exception {
    StoreLocation location = sqlite("store/stagewatch.db");
    RunLock held = location.tryLockFirst("staging").orElseThrow();
    try {
      assertThat(StoreSession.opening(location, "staging", RETENTION, null, CLOCK)).isEmpty();
    } finally {
      held.close();
    }
    try (StoreSession session =
        StoreSession.opening(location, "staging", RETENTION, null, CLOCK).orElseThrow()) {
      assertThat(session.problem()).isEmpty();
    }
  }

  /** A bound on the opening's wait for its cue that no test waits out. */
  private static final Duration NEVER_BY_ITSELF = Duration.ofMinutes(5);

  private StoreSession openingAfter(GatedLocation location, Duration latestStart) {
    return StoreSession.opening(location, "staging", RETENTION, null, CLOCK, latestStart)
        .orElseThrow();
  }

  @Test
  void theStoreIsOpenedOnceTheRunsFirstCheckWaitsOnTheNetwork() throws Exception {
    GatedLocation location = GatedLocation.open(sqlite("store/stagewatch.db"));
    try (StoreSession session = openingAfter(location, NEVER_BY_ITSELF)) {
      RunListener listener = session.listener();
      listener.runStarted(info(NOW), 1);

      assertThat(location.asked.await(300, TimeUnit.MILLISECONDS))
          .as("opened while the checks were getting going")
          .isFalse();

      listener.waitingOnNetwork();
      assertThat(location.asked.await(30, TimeUnit.SECONDS)).isTrue();
      RunResult result =
          recordRun(listener, info(NOW), List.of(check("api/a", CheckStatus.PASSED)));
      assertThat(session.finish(result, 5, 20)).isNotNull();
      assertThat(session.problem()).isEmpty();
    }
  }

  @Test
  void aResultOpensTheStoreWhenNoCheckSaidItWaited() throws Exception {
    GatedLocation location = GatedLocation.open(sqlite("store/stagewatch.db"));
    try (StoreSession session = openingAfter(location, NEVER_BY_ITSELF)) {
      RunListener listener = session.listener();
      listener.runStarted(info(NOW), 1);

      listener.checkFinished(check("api/a", CheckStatus.PASSED));

      assertThat(location.asked.await(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void whatNeedsTheStoreAtOnceOpensIt() throws Exception {
    GatedLocation location = GatedLocation.open(sqlite("store/stagewatch.db"));
    try (StoreSession session = openingAfter(location, NEVER_BY_ITSELF)) {
      session.openNow();

      assertThat(location.asked.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(session.silences()).isPresent();
    }
  }

  @Test
  void withoutACueTheStoreIsOpenedAMomentAfterTheRunBegan() throws Exception {
    GatedLocation location = GatedLocation.open(sqlite("store/stagewatch.db"));
    try (StoreSession session = openingAfter(location, Duration.ofMillis(100))) {
      session.listener().runStarted(info(NOW), 1);

      assertThat(location.asked.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(session.silences()).as("open, without anything asking it to be").isPresent();
    }
  }
}
