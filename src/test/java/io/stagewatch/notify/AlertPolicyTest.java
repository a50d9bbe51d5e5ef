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
    return new AlertPolicy(threshold, true, Duration.ofHours(24), null);
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
    AlertPolicy policy = new AlertPolicy(1, false, Duration.ofHours(24), null);
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
}
