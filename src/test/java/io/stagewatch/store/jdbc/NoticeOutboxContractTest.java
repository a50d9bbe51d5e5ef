package io.stagewatch.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.AlertState;
import io.stagewatch.store.AlertUpdate;
import io.stagewatch.store.NoticeOutbox;
import io.stagewatch.store.NoticeStatus;
import io.stagewatch.store.OutboxNotice;
import io.stagewatch.store.StoreDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The alert state (read by the {@link io.stagewatch.store.RunRecorder} for the run's end that
 * writes it) and the {@link NoticeOutbox}, on SQLite and on a real PostgreSQL.
 */
class NoticeOutboxContractTest {
  static final Instant T0 = ResultStoreContractTest.T0;
  static final Instant STALE = T0.minus(Duration.ofMinutes(10));

  @TempDir Path dir;

  static OutboxNotice notice(RunInfo run, String kind, Instant at) {
    return new OutboxNotice(
        UUID.randomUUID().toString(),
        run.environment(),
        "slack",
        run.runId(),
        kind,
        List.of("api/a", "api/b"),
        "{\"text\":\"" + kind + "\"}",
        at);
  }

  /** Records a run whose end writes {@code update}. */
  static RunInfo finish(JdbcResultStore store, AlertUpdate update) throws Exception {
    RunInfo info = ResultStoreContractTest.info("staging", T0);
    store.runStarted(info, "test");
    store.runFinished(
        new RunResult(
            info,
            T0.plusSeconds(1),
            List.of(ResultStoreContractTest.check("api/a", CheckStatus.FAILED, 5, "boom"))),
        update);
    return info;
  }

  static AlertUpdate notices(RunInfo run, int count) {
    List<OutboxNotice> notices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      notices.add(notice(run, "alert", T0.plusMillis(i)));
    }
    return new AlertUpdate(List.of(), List.of(), notices);
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void alertStateIsWrittenWithTheRunAndClearedWhenACheckPasses(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = JdbcResultStore.open(db.freshUrl(dir), dir, Clock.systemUTC())) {
      AlertState a = new AlertState("api/a", 2, true, T0, T0.plusSeconds(5));
      AlertState b = new AlertState("api/b", 1, false, T0, null);
      finish(store, new AlertUpdate(List.of(a, b), List.of(), List.of()));

      assertThat(store.alertStates("staging")).containsOnlyKeys("api/a", "api/b");
      assertThat(store.alertStates("staging").get("api/a")).isEqualTo(a);
      assertThat(store.alertStates("staging").get("api/b")).isEqualTo(b);
      assertThat(store.alertStates("other")).isEmpty();

      AlertState a3 = new AlertState("api/a", 3, true, T0, T0.plusSeconds(9));
      finish(store, new AlertUpdate(List.of(a3), List.of("api/b"), List.of()));
      assertThat(store.alertStates("staging")).containsOnlyKeys("api/a");
      assertThat(store.alertStates("staging").get("api/a")).isEqualTo(a3);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aDegradedStreakIsKeptApartFromAFailingOne(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = JdbcResultStore.open(db.freshUrl(dir), dir, Clock.systemUTC())) {
      AlertState announced = new AlertState("api/a", 2, true, T0, T0.plusSeconds(5), true);
      AlertState counting = new AlertState("api/b", 1, false, T0, null, true);
      AlertState failing = new AlertState("api/c", 1, true, T0, T0, false);
      finish(store, new AlertUpdate(List.of(announced, counting, failing), List.of(), List.of()));

      assertThat(store.alertStates("staging"))
          .containsEntry("api/a", announced)
          .containsEntry("api/b", counting)
          .containsEntry("api/c", failing);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aNoticeIsClaimedOnceRetriedWhilePendingAndNeverSentTwice(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = JdbcResultStore.open(db.freshUrl(dir), dir, Clock.systemUTC())) {
      RunInfo run = ResultStoreContractTest.info("staging", T0);
      OutboxNotice alert = notice(run, "alert", T0);
      finish(store, new AlertUpdate(List.of(), List.of(), List.of(alert)));

      List<OutboxNotice> claimed = store.claimNotices("staging", "slack", T0, STALE);
      assertThat(claimed).containsExactly(alert);
      assertThat(store.claimNotices("staging", "slack", T0, STALE)).as("claimed already").isEmpty();
      assertThat(store.claimNotices("other", "slack", T0, STALE)).isEmpty();

      store.settleNotice(alert.noticeId(), NoticeStatus.PENDING, "HTTP 500", T0);
      assertThat(store.claimNotices("staging", "slack", T0, STALE)).containsExactly(alert);

      store.settleNotice(alert.noticeId(), NoticeStatus.SENT, null, T0);
      assertThat(store.claimNotices("staging", "slack", T0.plusSeconds(3600), T0.plusSeconds(3000)))
          .isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void noticesWaitWhilePendingOrBeingSentUntilTheyAreSettled(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = JdbcResultStore.open(db.freshUrl(dir), dir, Clock.systemUTC())) {
      RunInfo run = ResultStoreContractTest.info("staging", T0);
      finish(store, notices(run, 3));
      NoticeOutbox outbox = store;
      assertThat(outbox.waitingNotices("staging")).isEqualTo(3);
      assertThat(outbox.waitingNotices("other")).isZero();

      List<OutboxNotice> claimed = outbox.claimNotices("staging", "slack", T0, STALE);
      assertThat(outbox.waitingNotices("staging")).as("being sent").isEqualTo(3);

      outbox.settleNotice(claimed.get(0).noticeId(), NoticeStatus.SENT, null, T0);
      outbox.settleNotice(claimed.get(1).noticeId(), NoticeStatus.FAILED, "HTTP 404", T0);
      outbox.settleNotice(claimed.get(2).noticeId(), NoticeStatus.PENDING, "HTTP 503", T0);
      assertThat(outbox.waitingNotices("staging")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aNoticeLeftSendingByADeadRunIsSentAgainOnceItsClaimIsStale(StoreDatabase db)
      throws Exception {
    try (JdbcResultStore store = JdbcResultStore.open(db.freshUrl(dir), dir, Clock.systemUTC())) {
      RunInfo run = ResultStoreContractTest.info("staging", T0);
      finish(store, notices(run, 1));
      assertThat(store.claimNotices("staging", "slack", T0, STALE)).hasSize(1);

      Instant later = T0.plus(Duration.ofMinutes(5));
      assertThat(store.claimNotices("staging", "slack", later, later.minus(Duration.ofMinutes(10))))
          .isEmpty();
      Instant muchLater = T0.plus(Duration.ofMinutes(11));
      assertThat(
              store.claimNotices(
                  "staging", "slack", muchLater, muchLater.minus(Duration.ofMinutes(10))))
          .hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void twoRunsClaimingAtOnceShareTheNoticesWithoutOverlap(StoreDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    try (JdbcResultStore one = JdbcResultStore.open(url, dir, Clock.systemUTC());
        JdbcResultStore two = JdbcResultStore.open(url, dir, Clock.systemUTC())) {
      finish(one, notices(ResultStoreContractTest.info("staging", T0), 40));

      CompletableFuture<List<OutboxNotice>> a = CompletableFuture.supplyAsync(() -> claim(one));
      CompletableFuture<List<OutboxNotice>> b = CompletableFuture.supplyAsync(() -> claim(two));

      Set<String> ids = new HashSet<>();
      for (OutboxNotice n : a.get()) {
        assertThat(ids.add(n.noticeId())).isTrue();
      }
      for (OutboxNotice n : b.get()) {
        assertThat(ids.add(n.noticeId())).as("claimed by both").isTrue();
      }
      assertThat(ids).hasSize(40);
    }
  }

  private static List<OutboxNotice> claim(JdbcResultStore store) {
    try {
      return store.claimNotices("staging", "slack", T0, STALE);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void retentionKeepsPendingNoticesAndDropsSettledOnes(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = JdbcResultStore.open(db.freshUrl(dir), dir, Clock.systemUTC())) {
      RunInfo run = ResultStoreContractTest.info("staging", T0);
      OutboxNotice sent = notice(run, "alert", T0);
      OutboxNotice pending = notice(run, "recovery", T0.plusMillis(1));
      finish(store, new AlertUpdate(List.of(), List.of(), List.of(sent, pending)));
      store.claimNotices("staging", "slack", T0, STALE);
      store.settleNotice(sent.noticeId(), NoticeStatus.SENT, null, T0);
      store.settleNotice(pending.noticeId(), NoticeStatus.PENDING, "HTTP 503", T0);

      store.deleteRunsStartedBefore(T0.plus(Duration.ofDays(1)));

      assertThat(store.claimNotices("staging", "slack", T0, STALE)).containsExactly(pending);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void aStoreWrittenBeforeChannelsKeepsItsPendingNoticesAsSlacks(StoreDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    OlderStores.version5WithPendingNotice(url, "run-1/0", "run-1", "{\"text\":\"old\"}", T0);

    try (JdbcResultStore store = JdbcResultStore.open(url, dir, Clock.systemUTC())) {
      assertThat(store.claimNotices("staging", "webhook", T0, STALE)).isEmpty();
      List<OutboxNotice> claimed = store.claimNotices("staging", "slack", T0, STALE);
      assertThat(claimed).hasSize(1);
      assertThat(claimed.get(0).channel()).isEqualTo("slack");
      assertThat(claimed.get(0).payload()).isEqualTo("{\"text\":\"old\"}");
      assertThat(claimed.get(0).checks()).containsExactly("health/up");
    }
  }

  @ParameterizedTest
  @EnumSource(StoreDatabase.class)
  void eachChannelClaimsAndSettlesItsOwnRowsOfANotice(StoreDatabase db) throws Exception {
    try (JdbcResultStore store = JdbcResultStore.open(db.freshUrl(dir), dir, Clock.systemUTC())) {
      RunInfo run = ResultStoreContractTest.info("staging", T0);
      OutboxNotice slack = notice(run, "alert", T0);
      OutboxNotice pager =
          new OutboxNotice(
              slack.noticeId() + "/pagerduty",
              "staging",
              "pagerduty",
              run.runId(),
              "alert",
              slack.checks(),
              "[]",
              T0);
      finish(store, new AlertUpdate(List.of(), List.of(), List.of(slack, pager)));

      assertThat(store.claimNotices("staging", "slack", T0, STALE)).containsExactly(slack);
      store.settleNotice(slack.noticeId(), NoticeStatus.PENDING, "Slack answered HTTP 503", T0);
      assertThat(store.claimNotices("staging", "pagerduty", T0, STALE)).containsExactly(pager);
      store.settleNotice(pager.noticeId(), NoticeStatus.SENT, null, T0);

      assertThat(store.waitingNotices("staging")).isEqualTo(1);
      assertThat(store.claimNotices("staging", "pagerduty", T0, STALE)).isEmpty();
      assertThat(store.claimNotices("staging", "slack", T0, STALE)).containsExactly(slack);
    }
  }
}
