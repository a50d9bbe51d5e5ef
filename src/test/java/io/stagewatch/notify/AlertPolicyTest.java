package io.stagewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.AlertState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sequences of runs through the policy, with the state carried between them and a set clock. */
class AlertPolicyTest {
  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  final Map<String, AlertState> state = new HashMap<>();
  Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  static CheckResult check(String id, CheckStatus status) {
    String[] parts = id.split("/", 2);
    String message = status.isFailure() ? "expected status 200, got 503" : null;
    return new CheckResult(id, parts[0], parts[1], List.of(), status, 1, 10, message, List.of());
  }

  /** A pass slower than its degradedResponseTime, as the run reports it. */
  static CheckResult degraded(String id) {
    String[] parts = id.split("/", 2);
    return new CheckResult(
        id,
        parts[0],
        parts[1],
        List.of(),
        CheckStatus.PASSED,
        1,
        412,
        "response took 412 ms, more than degradedResponseTime 200ms",
        List.of(),
        null,
        true,
        null);
  }

  static AlertPolicy onDegraded(int threshold) {
    return new AlertPolicy(threshold, true, Duration.ofHours(24), null, true);
  }

  /** One run at the clock's time; the decision's state becomes the state of the next run. */
  List<Notice> run(AlertPolicy policy, CheckResult... checks) {
    Instant now = clock.instant();
    RunInfo info = new RunInfo(UUID.randomUUID().toString(), "shop", "staging", "cron", null, now);
    AlertPolicy.Decision d = policy.decide(state, new RunResult(info, now, List.of(checks)), now);
    d.cleared().forEach(state::remove);
    d.states().forEach(s -> state.put(s.checkId(), s));
    return d.notices();
  }

  void later(Duration by) {
    clock = Clock.offset(clock, by);
  }

  static AlertPolicy policy(int threshold) {
    return new AlertPolicy(threshold, true, Duration.ofHours(24), null, false);
  }

  @Test
  void aFailureAlertsOnceThenRemindsAfterTheIntervalThenRecovers() {
    AlertPolicy policy = policy(1);

    List<Notice> first =
        run(policy, check("api/a", CheckStatus.FAILED), check("api/b", CheckStatus.PASSED));
    assertThat(first)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.ALERT);
              assertThat(n.checkIds()).containsExactly("api/a");
              assertThat(n.failing()).isEqualTo(1);
              assertThat(n.total()).isEqualTo(2);
            });

    later(Duration.ofHours(4));
    assertThat(run(policy, check("api/a", CheckStatus.FAILED))).isEmpty();

    later(Duration.ofHours(20));
    List<Notice> reminder = run(policy, check("api/a", CheckStatus.FAILED));
    assertThat(reminder)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.REMINDER);
              assertThat(n.checks().get(0).down()).isEqualTo(Duration.ofHours(24));
            });

    later(Duration.ofHours(4));
    assertThat(run(policy, check("api/a", CheckStatus.FAILED))).isEmpty();

    later(Duration.ofHours(2));
    List<Notice> recovery = run(policy, check("api/a", CheckStatus.PASSED));
    assertThat(recovery)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.RECOVERY);
              assertThat(n.checkIds()).containsExactly("api/a");
              assertThat(n.checks().get(0).down()).isEqualTo(Duration.ofHours(30));
            });
    assertThat(state).isEmpty();

    later(Duration.ofHours(4));
    assertThat(run(policy, check("api/a", CheckStatus.PASSED))).isEmpty();
  }

  @Test
  void checksThatStartFailingInTheSameRunShareOneAlert() {
    List<Notice> notices =
        run(policy(1), check("api/a", CheckStatus.FAILED), check("api/b", CheckStatus.ERROR));

    assertThat(notices)
        .singleElement()
        .satisfies(n -> assertThat(n.checkIds()).containsExactly("api/a", "api/b"));
  }

  @Test
  void aFlakyResultNeverAlertsButIsMentioned() {
    AlertPolicy policy = policy(1);
    assertThat(run(policy, check("api/a", CheckStatus.FLAKY))).isEmpty();
    assertThat(state).isEmpty();

    List<Notice> alert =
        run(policy, check("api/a", CheckStatus.FLAKY), check("api/b", CheckStatus.FAILED));
    assertThat(alert)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.checkIds()).containsExactly("api/b");
              assertThat(n.flaky()).containsExactly("api/a");
            });
  }

  @Test
  void withThresholdTwoTheFirstFailureIsSilentAndTheSecondAlerts() {
    AlertPolicy policy = policy(2);

    assertThat(run(policy, check("api/a", CheckStatus.FAILED))).isEmpty();
    later(Duration.ofHours(4));
    assertThat(run(policy, check("api/a", CheckStatus.FAILED)))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.ALERT);
              assertThat(n.checks().get(0).down()).isEqualTo(Duration.ofHours(4));
            });
  }

  @Test
  void aFailureThatPassesBeforeTheThresholdIsForgottenWithoutARecovery() {
    AlertPolicy policy = policy(2);
    run(policy, check("api/a", CheckStatus.FAILED));

    assertThat(run(policy, check("api/a", CheckStatus.PASSED))).isEmpty();
    assertThat(run(policy, check("api/a", CheckStatus.FAILED))).isEmpty();
  }

  @Test
  void noRecoveryIsSentWhenSendOnRecoveryIsOff() {
    AlertPolicy policy = new AlertPolicy(1, false, Duration.ofHours(24), null, false);
    run(policy, check("api/a", CheckStatus.FAILED));

    assertThat(run(policy, check("api/a", CheckStatus.PASSED))).isEmpty();
    assertThat(state).isEmpty();
  }

  @Test
  void checksSkippedOrNotRunKeepTheirState() {
    AlertPolicy policy = policy(1);
    run(policy, check("api/a", CheckStatus.FAILED), check("api/b", CheckStatus.FAILED));

    assertThat(run(policy, check("api/a", CheckStatus.SKIPPED))).isEmpty();
    assertThat(state).containsOnlyKeys("api/a", "api/b");
    assertThat(run(policy, check("api/b", CheckStatus.PASSED)))
        .singleElement()
        .satisfies(n -> assertThat(n.checkIds()).containsExactly("api/b"));
  }

  static CheckResult silenced(String id, CheckStatus status) {
    return check(id, status).withSilenceReason("deploy 1.4.2");
  }

  @Test
  void aSilencedFailureKeepsCountingAndAlertsAtTheFirstRunAfterTheSilence() {
    AlertPolicy policy = policy(2);

    assertThat(run(policy, silenced("api/a", CheckStatus.FAILED))).isEmpty();
    later(Duration.ofMinutes(10));
    assertThat(run(policy, silenced("api/a", CheckStatus.FAILED)))
        .as("the threshold is reached while silenced: nothing is sent")
        .isEmpty();
    assertThat(state.get("api/a").consecutiveFailures()).isEqualTo(2);
    assertThat(state.get("api/a").alerting()).isFalse();

    later(Duration.ofMinutes(10));
    assertThat(run(policy, check("api/a", CheckStatus.FAILED)))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.ALERT);
              assertThat(n.checks().get(0).down()).isEqualTo(Duration.ofMinutes(20));
            });
  }

  @Test
  void anAnnouncedCheckGetsNoReminderOrRecoveryWhileSilenced() {
    AlertPolicy policy = policy(1);
    assertThat(run(policy, check("api/a", CheckStatus.FAILED))).hasSize(1);

    later(Duration.ofHours(30));
    assertThat(run(policy, silenced("api/a", CheckStatus.FAILED))).as("no reminder").isEmpty();
    later(Duration.ofHours(1));
    assertThat(run(policy, silenced("api/a", CheckStatus.PASSED))).as("no recovery").isEmpty();
    assertThat(state).doesNotContainKey("api/a");

    later(Duration.ofHours(1));
    assertThat(run(policy, check("api/a", CheckStatus.PASSED))).isEmpty();
  }

  @Test
  void degradedChecksNeverAlertUnlessAlertOnDegradedIsOn() {
    AlertPolicy policy = policy(1);

    assertThat(run(policy, degraded("api/a"))).isEmpty();
    assertThat(run(policy, degraded("api/a"))).isEmpty();
    assertThat(state).isEmpty();
  }

  @Test
  void aCheckDegradedForTheThresholdAlertsOnceAsDegradedAndRecoversWhenFastAgain() {
    AlertPolicy policy = onDegraded(2);

    assertThat(run(policy, degraded("api/a"))).isEmpty();
    later(Duration.ofMinutes(15));
    List<Notice> alert = run(policy, degraded("api/a"), check("api/b", CheckStatus.PASSED));
    assertThat(alert)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.DEGRADED);
              assertThat(n.checks().get(0).reason())
                  .isEqualTo("response took 412 ms, more than degradedResponseTime 200ms");
              assertThat(n.checks().get(0).down()).isEqualTo(Duration.ofMinutes(15));
            });
    later(Duration.ofHours(30));
    assertThat(run(policy, degraded("api/a"))).as("no reminders about degraded checks").isEmpty();

    later(Duration.ofMinutes(15));
    List<Notice> recovery = run(policy, check("api/a", CheckStatus.PASSED));
    assertThat(recovery)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.RECOVERY);
              assertThat(n.checks().get(0).degraded()).isTrue();
              assertThat(n.checks().get(0).down()).isEqualTo(Duration.ofMinutes(30).plusHours(30));
            });
    assertThat(state).isEmpty();
  }

  @Test
  void anAnnouncedDegradedCheckThatFailsEscalatesAtOnceAndItsRecoveryIsAFailuresRecovery() {
    AlertPolicy policy = onDegraded(2);
    run(policy, degraded("api/a"));
    assertThat(run(policy, degraded("api/a")))
        .extracting(Notice::kind)
        .containsExactly(NoticeKind.DEGRADED);

    List<Notice> escalation = run(policy, check("api/a", CheckStatus.FAILED));
    assertThat(escalation)
        .as("below the failure threshold, but already announced")
        .extracting(Notice::kind)
        .containsExactly(NoticeKind.ALERT);

    List<Notice> recovery = run(policy, check("api/a", CheckStatus.PASSED));
    assertThat(recovery).extracting(Notice::kind).containsExactly(NoticeKind.RECOVERY);
    assertThat(recovery.get(0).checks().get(0).degraded()).isFalse();
  }

  @Test
  void aDegradedCheckNotYetAnnouncedThatFailsCountsFailuresFromOne() {
    AlertPolicy policy = onDegraded(2);
    run(policy, degraded("api/a"));

    assertThat(run(policy, check("api/a", CheckStatus.FAILED))).isEmpty();
    assertThat(state.get("api/a").degraded()).isFalse();
    assertThat(run(policy, check("api/a", CheckStatus.FAILED)))
        .extracting(Notice::kind)
        .containsExactly(NoticeKind.ALERT);
  }

  @Test
  void aFailingCheckThatPassesDegradedRecoversAndStartsADegradedStreak() {
    AlertPolicy policy = onDegraded(1);
    assertThat(run(policy, check("api/a", CheckStatus.FAILED)))
        .extracting(Notice::kind)
        .containsExactly(NoticeKind.ALERT);

    List<Notice> notices = run(policy, degraded("api/a"));

    assertThat(notices)
        .extracting(Notice::kind)
        .containsExactly(NoticeKind.DEGRADED, NoticeKind.RECOVERY);
    assertThat(notices.get(1).checks().get(0).degraded()).isFalse();
    assertThat(state.get("api/a").degraded()).isTrue();
    assertThat(state.get("api/a").alerting()).isTrue();
  }
}
