package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.Capture;
import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckResources;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.Location;
import io.stagewatch.config.RetryConfig;
import io.stagewatch.config.SecretCollector;
import io.stagewatch.config.Secrets;
import io.stagewatch.suite.CheckDefinition;
import io.stagewatch.suite.CheckExecution;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryingCheckExecutorTest {
  private static final EnvironmentConfig STAGING =
      new EnvironmentConfig("staging", URI.create("http://staging.test"), Map.of(), Map.of());

  private final CheckResources resources = new CheckResources();
  private final RetryingCheckExecutor executor =
      new RetryingCheckExecutor(STAGING, Secrets.none(), resources);

  @AfterEach
  void close() {
    executor.close();
    resources.close();
  }

  /** A check whose attempts do what a script says, remembering when each one started. */
  private static final class ScriptedSpec implements CheckSpec {
    final List<Long> startedAtNanos = new CopyOnWriteArrayList<>();
    private final IntFunction<CheckOutcome> script;

    ScriptedSpec(IntFunction<CheckOutcome> script) {
      this.script = script;
    }

    @Override
    public CheckOutcome attempt(CheckContext context) {
      startedAtNanos.add(System.nanoTime());
      return script.apply(startedAtNanos.size());
    }

    long millisBetween(int firstAttempt, int secondAttempt) {
      return (startedAtNanos.get(secondAttempt - 1) - startedAtNanos.get(firstAttempt - 1))
          / 1_000_000;
    }
  }

  private static CheckDefinition check(CheckSpec spec, Duration timeout, RetryConfig retry) {
    return check("scripted", spec, timeout, retry);
  }

  private static CheckDefinition check(
      String name, CheckSpec spec, Duration timeout, RetryConfig retry) {
    return new CheckDefinition(
        "unit",
        name,
        List.of(),
        "scripted",
        timeout,
        retry,
        spec,
        new Location("unit.yaml", 1, 1),
        List.of());
  }

  private static RetryConfig attempts(int attempts, Duration delay, double backoff) {
    return new RetryConfig(attempts, delay, backoff, null, RetryConfig.DEFAULT_EVERY);
  }

  private static RetryConfig polling(Duration until, Duration every) {
    return new RetryConfig(1, RetryConfig.DEFAULT_DELAY, 2.0, until, every);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @ParameterizedTest(name = "delay {0}ms, backoff {1}: {3}ms before attempt {2}")
  @CsvSource({
    "100, 2.0, 2, 100",
    "100, 2.0, 3, 200",
    "100, 2.0, 4, 400",
    "1000, 1.5, 2, 1000",
    "1000, 1.5, 3, 1500",
    "1000, 1.5, 4, 2250",
    "250, 1.0, 5, 250",
  })
  void theDelayBeforeAnAttemptGrowsByTheBackoff(
      long delayMs, double backoff, int attempt, long expectedMs) {
    RetryConfig retry = attempts(5, Duration.ofMillis(delayMs), backoff);

    assertThat(retry.delayBefore(attempt)).isEqualTo(Duration.ofMillis(expectedMs));
  }

  @Test
  void onlyThePassingAttemptCapturesAndASecretCaptureBecomesTheRunsSecret() {
    Secrets secrets = Secrets.none().learning();
    ScriptedSpec spec =
        new ScriptedSpec(
            attempt ->
                attempt == 1
                    ? CheckOutcome.failed("no session yet")
                    : CheckOutcome.passedCapturing(
                        Map.of("session", "sess-" + attempt + "-long-value", "id", "42")));
    CheckDefinition check =
        new CheckDefinition(
            "unit",
            "login",
            List.of(),
            "scripted",
            Duration.ofSeconds(1),
            new RetryConfig(2, Duration.ZERO, 1.0, null, RetryConfig.DEFAULT_EVERY),
            spec,
            new Location("unit.yaml", 1, 1),
            List.of(),
            List.of(
                new Capture("session", Capture.Source.JSON, "$.session", true),
                new Capture("id", Capture.Source.JSON, "$.id", false)),
            Map.of());

    CheckExecution execution;
    try (RetryingCheckExecutor learning = new RetryingCheckExecutor(STAGING, secrets, resources)) {
      execution = learning.execute(check);
    }

    assertThat(execution.captured()).isEqualTo(Map.of("session", "sess-2-long-value", "id", "42"));
    assertThat(secrets.mask("sess-2-long-value 42")).isEqualTo("*** 42");
  }

  @Test
  void failedAttemptsAreRetriedAfterGrowingPausesAndTheLastMessageIsKept() {
    ScriptedSpec spec = new ScriptedSpec(n -> CheckOutcome.failed("down #" + n));

    CheckExecution execution =
        executor.execute(
            check(spec, Duration.ofSeconds(1), attempts(3, Duration.ofMillis(100), 2.0)));

    assertThat(execution.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(execution.attempts()).isEqualTo(3);
    assertThat(execution.flaky()).isFalse();
    assertThat(execution.message()).isEqualTo("down #3 (all 3 attempts failed)");
    assertThat(spec.startedAtNanos).hasSize(3);
    // It paused at least the delay, then at least the delay grown by the backoff; how long the
    // pauses are exactly is AttemptPlanTest's, without a clock.
    assertThat(spec.millisBetween(1, 2)).isGreaterThanOrEqualTo(100L);
    assertThat(spec.millisBetween(2, 3)).isGreaterThanOrEqualTo(200L);
  }

  @Test
  void aCheckThatPassesOnARetryIsFlaky() {
    ScriptedSpec spec =
        new ScriptedSpec(n -> n < 2 ? CheckOutcome.error("refused") : CheckOutcome.passed());

    CheckExecution execution =
        executor.execute(check(spec, Duration.ofSeconds(1), attempts(3, Duration.ofMillis(10), 2)));

    assertThat(execution).isEqualTo(new CheckExecution(AttemptVerdict.PASSED, 2, true, null));
  }

  @Test
  void aCheckThatPassesAtOnceIsNeitherRetriedNorFlaky() {
    ScriptedSpec spec = new ScriptedSpec(n -> CheckOutcome.passed());

    CheckExecution execution =
        executor.execute(check(spec, Duration.ofSeconds(1), attempts(3, Duration.ofMillis(10), 2)));

    assertThat(execution).isEqualTo(new CheckExecution(AttemptVerdict.PASSED, 1, false, null));
    assertThat(spec.startedAtNanos).hasSize(1);
  }

  @Test
  void anAttemptThatIgnoresItsDeadlineIsAbandonedAfterTheGrace() {
    CheckSpec stubborn =
        context -> {
          long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
          while (System.nanoTime() < end) {
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              // Deliberately ignored: this check does not honour its deadline.
            }
          }
          return CheckOutcome.passed();
        };

    long start = System.nanoTime();
    CheckExecution execution =
        executor.execute(check(stubborn, Duration.ofMillis(300), attempts(1, Duration.ZERO, 1)));
    long elapsed = millisSince(start);

    assertThat(execution.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(execution.attempts()).isEqualTo(1);
    assertThat(execution.message()).isEqualTo("no result within 300ms");
    assertThat(elapsed)
        .isGreaterThanOrEqualTo(300 + RetryingCheckExecutor.GRACE.toMillis())
        .isLessThan(300 + RetryingCheckExecutor.GRACE.toMillis() + 1000);
  }

  @Test
  void anAttemptThatThrowsIsAnErrorWithTheExceptionsMessage() {
    CheckSpec throwing =
        context -> {
          throw new IllegalStateException("the pool is exhausted");
        };

    CheckExecution execution =
        executor.execute(check(throwing, Duration.ofSeconds(1), attempts(1, Duration.ZERO, 1)));

    assertThat(execution)
        .isEqualTo(new CheckExecution(AttemptVerdict.ERROR, 1, false, "the pool is exhausted"));
  }

  @Test
  void anAttemptThatKeepsItsDeadlineRunsOnTheChecksThreadAndItsFailuresReadTheSame() {
    List<Thread> ranOn = new CopyOnWriteArrayList<>();
    CheckSpec keeping =
        new CheckSpec() {
          @Override
          public CheckOutcome attempt(CheckContext context) {
            ranOn.add(Thread.currentThread());
            throw new IllegalStateException("the pool is exhausted");
          }

          @Override
          public boolean keepsItsDeadline() {
            return true;
          }
        };

    CheckExecution execution =
        executor.execute(check(keeping, Duration.ofSeconds(1), attempts(2, Duration.ZERO, 1)));

    assertThat(ranOn).containsExactly(Thread.currentThread(), Thread.currentThread());
    assertThat(execution)
        .isEqualTo(
            new CheckExecution(
                AttemptVerdict.ERROR, 2, false, "the pool is exhausted (all 2 attempts failed)"));
  }

  @Test
  void anExceptionWithoutAMessageIsNamedByItsType() {
    CheckSpec throwing =
        context -> {
          throw new UnsupportedOperationException();
        };

    CheckExecution execution =
        executor.execute(check(throwing, Duration.ofSeconds(1), attempts(2, Duration.ZERO, 1)));

    assertThat(execution.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(execution.attempts()).isEqualTo(2);
    assertThat(execution.message())
        .isEqualTo("UnsupportedOperationException (all 2 attempts failed)");
  }

  @Test
  void secretsAreMaskedInFailureAndExceptionMessages() {
    SecretCollector secrets = new SecretCollector();
    secrets.addHeader("Authorization", "Bearer tok-8675309");
    ScriptedSpec echoing =
        new ScriptedSpec(n -> CheckOutcome.failed("server said: token tok-8675309 is expired"));
    CheckSpec throwing =
        context -> {
          throw new IllegalArgumentException("bad header Authorization: Bearer tok-8675309");
        };

    CheckExecution failed;
    CheckExecution erred;
    try (RetryingCheckExecutor masking =
        new RetryingCheckExecutor(STAGING, secrets.freeze(), resources)) {
      failed =
          masking.execute(check(echoing, Duration.ofSeconds(1), attempts(1, Duration.ZERO, 1)));
      erred =
          masking.execute(check(throwing, Duration.ofSeconds(1), attempts(1, Duration.ZERO, 1)));
    }

    assertThat(failed.message()).isEqualTo("server said: token *** is expired");
    assertThat(erred.message()).isEqualTo("bad header Authorization: ***");
  }

  @Test
  void aFailureNoRetryCanChangeEndsTheCheckAtOnceAndSaysItWasNotRetried() {
    ScriptedSpec attempts =
        new ScriptedSpec(n -> CheckOutcome.permanentError("authentication failed"));
    ScriptedSpec polls = new ScriptedSpec(n -> CheckOutcome.permanentError("untrusted"));
    ScriptedSpec once = new ScriptedSpec(n -> CheckOutcome.permanentError("cannot be built"));

    CheckExecution retried =
        executor.execute(
            check(
                "attempts",
                attempts,
                Duration.ofSeconds(1),
                attempts(3, Duration.ofMillis(10), 2)));
    CheckExecution polled =
        executor.execute(
            check(
                polls,
                Duration.ofSeconds(1),
                polling(Duration.ofSeconds(5), Duration.ofMillis(10))));
    CheckExecution single =
        executor.execute(check("once", once, Duration.ofSeconds(1), attempts(1, Duration.ZERO, 1)));

    assertThat(retried)
        .isEqualTo(
            new CheckExecution(
                AttemptVerdict.ERROR, 1, false, "authentication failed (not retried)"));
    assertThat(polled)
        .isEqualTo(new CheckExecution(AttemptVerdict.ERROR, 1, false, "untrusted (not retried)"));
    assertThat(single)
        .isEqualTo(new CheckExecution(AttemptVerdict.ERROR, 1, false, "cannot be built"));
    assertThat(attempts.startedAtNanos).hasSize(1);
    assertThat(polls.startedAtNanos).hasSize(1);
  }

  @Test
  void aRerunOfAPermanentFailureRepeatsItWithoutANewAttempt() {
    SecretCollector secrets = new SecretCollector();
    secrets.addHeader("Authorization", "Bearer tok-8675309");
    ScriptedSpec spec =
        new ScriptedSpec(n -> CheckOutcome.permanentError("token tok-8675309 refused"));
    CheckDefinition check =
        check(spec, Duration.ofSeconds(1), attempts(2, Duration.ofMillis(10), 2));

    CheckExecution first;
    CheckExecution rerun;
    try (CheckResources resources = new CheckResources();
        RetryingCheckExecutor masking =
            new RetryingCheckExecutor(STAGING, secrets.freeze(), resources)) {
      first = masking.execute(check);
      rerun = masking.execute(check);
    }

    assertThat(first)
        .isEqualTo(
            new CheckExecution(AttemptVerdict.ERROR, 1, false, "token *** refused (not retried)"));
    assertThat(rerun)
        .isEqualTo(new CheckExecution(AttemptVerdict.ERROR, 0, false, first.message()));
    assertThat(spec.startedAtNanos).hasSize(1);
  }

  @Test
  void pollingUntilTheCheckPassesIsNotFlaky() {
    ScriptedSpec spec =
        new ScriptedSpec(n -> n < 4 ? CheckOutcome.failed("version 1.0") : CheckOutcome.passed());

    CheckExecution execution =
        executor.execute(
            check(
                spec,
                Duration.ofSeconds(1),
                polling(Duration.ofSeconds(5), Duration.ofMillis(50))));

    assertThat(execution).isEqualTo(new CheckExecution(AttemptVerdict.PASSED, 4, false, null));
    // It waited between the polls; the pauses themselves are AttemptPlanTest's, without a clock.
    assertThat(spec.millisBetween(1, 4)).isGreaterThanOrEqualTo(100);
  }

  @Test
  void pollingThatNeverPassesStopsSoonAfterUntilAndSaysSo() {
    ScriptedSpec spec = new ScriptedSpec(n -> CheckOutcome.failed("version 1.0"));

    long start = System.nanoTime();
    CheckExecution execution =
        executor.execute(
            check(
                spec,
                Duration.ofSeconds(5),
                polling(Duration.ofMillis(500), Duration.ofMillis(100))));
    long elapsed = millisSince(start);

    assertThat(execution.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(execution.flaky()).isFalse();
    assertThat(execution.attempts()).isEqualTo(spec.startedAtNanos.size()).isBetween(4, 7);
    assertThat(execution.message())
        .isEqualTo(
            "still not passing after 500ms (" + execution.attempts() + " attempts): version 1.0");
    // A deadline kept, with room for a busy machine (how fast is the bench's to say).
    assertThat(elapsed).isBetween(500L, 3_000L);
  }
}
