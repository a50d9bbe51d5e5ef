package io.stagewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.TestClock;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.AlertUpdate;
import io.stagewatch.store.NoticeStatus;
import io.stagewatch.store.StoreDatabase;
import io.stagewatch.store.jdbc.JdbcResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox delivered through a scripted notifier, on SQLite. */
class AlertingTest {
  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path dir;

  /** Answers from a script and keeps what it was asked to send. */
  static final class ScriptedNotifier implements Notifier {
    final Deque<Delivery> answers = new ArrayDeque<>();
    final List<String> sent = new ArrayList<>();

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public String render(Notice notice) {
      return notice.kind().label() + " " + String.join(",", notice.checkIds());
    }

    @Override
    public Delivery send(String payload) {
      sent.add(payload);
      Delivery next = answers.poll();
      return next == null ? Delivery.sent() : next;
    }

    @Override
    public void close() {}
  }

  static RunResult run(Instant at, CheckStatus... statuses) {
    RunInfo info = new RunInfo("run-" + at.toEpochMilli(), "shop", "staging", "cron", null, at);
    List<CheckResult> checks = new ArrayList<>();
    for (int i = 0; i < statuses.length; i++) {
      checks.add(
          new CheckResult(
              "api/c" + i, "api", "c" + i, List.of(), statuses[i], 1, 5, "boom", List.of()));
    }
    return new RunResult(info, at, checks);
  }

  /** Records the run with the planner's decision, as the store listener does. */
  static void record(JdbcResultStore store, Alerting n, RunResult result) throws Exception {
    store.runStarted(result.info(), "test");
    AlertUpdate update = n.planner().plan(result, store.alertStates("staging"));
    store.runFinished(result, update);
  }

  @Test
  void onceSlackIsUnavailableTheLaterNoticesWaitInOrderForTheNextRun() throws Exception {
    ScriptedNotifier notifier = new ScriptedNotifier();
    TestClock clock = new TestClock(T0);
    Alerting n =
        new Alerting(notifier, new AlertPolicy(1, true, Duration.ofHours(1), null, false), clock);
    try (JdbcResultStore store =
        JdbcResultStore.open(StoreDatabase.SQLITE.freshUrl(dir), dir, Clock.systemUTC())) {
      record(store, n, run(T0, CheckStatus.FAILED));
      notifier.answers.add(Delivery.retryLater("HTTP 503"));
      assertThat(n.deliverOutbox(store, "staging"))
          .extracting(NoticeReport::status)
          .containsExactly(NoticeStatus.PENDING);

      clock.advance(Duration.ofSeconds(60));
      record(store, n, run(T0.plusSeconds(60), CheckStatus.PASSED, CheckStatus.FAILED));
      notifier.answers.add(Delivery.retryLater("HTTP 503"));
      List<NoticeReport> second = n.deliverOutbox(store, "staging");
      assertThat(second)
          .extracting(NoticeReport::kind)
          .containsExactly("alert", "alert", "recovery");
      assertThat(second).extracting(NoticeReport::status).containsOnly(NoticeStatus.PENDING);
      assertThat(second.get(1).error()).startsWith("not tried");
      assertThat(notifier.sent).hasSize(2);

      List<NoticeReport> third = n.deliverOutbox(store, "staging");
      assertThat(third).extracting(NoticeReport::status).containsOnly(NoticeStatus.SENT);
      assertThat(notifier.sent.subList(2, 5))
          .containsExactly("alert api/c0", "alert api/c1", "recovery api/c0");
      assertThat(n.deliverOutbox(store, "staging")).isEmpty();
    }
  }

  @Test
  void withoutAStoreAnUndeliveredNoticeIsReportedAsFailed() {
    ScriptedNotifier notifier = new ScriptedNotifier();
    notifier.answers.add(Delivery.retryLater("HTTP 503"));
    Alerting n =
        new Alerting(
            notifier,
            new AlertPolicy(1, true, Duration.ofHours(1), null, false),
            Clock.fixed(T0, ZoneOffset.UTC));

    List<NoticeReport> reports = n.sendDirectly(run(T0, CheckStatus.FAILED));

    assertThat(reports)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(NoticeStatus.FAILED);
              assertThat(r.error()).isEqualTo("HTTP 503 (no store to retry from)");
            });
  }
}
