package io.stagewatch.run;

import io.stagewatch.check.Capture;
import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckResources;
import io.stagewatch.config.Durations;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.RetryConfig;
import io.stagewatch.config.Secrets;
import io.stagewatch.suite.CheckDefinition;
import io.stagewatch.suite.CheckExecution;
import io.stagewatch.suite.CheckExecutor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Retries and deadlines, the same for every check kind. A failure that no retry can change ({@link
 * CheckOutcome#permanent()}) ends the check at once, and a rerun of the check repeats it without a
 * new attempt. An attempt of a kind that does not keep its deadline on its own ({@link
 * io.stagewatch.check.CheckSpec#keepsItsDeadline}) runs on its own virtual thread and is abandoned
 * shortly after its deadline even if the check ignores it, so one hanging target cannot hold the
 * run. Every message leaves here masked.
 */
public final class RetryingCheckExecutor implements CheckExecutor, AutoCloseable {
  /** How long past its deadline an attempt may take before it is abandoned. */
  static final Duration GRACE = Duration.ofSeconds(1);

  private final EnvironmentConfig environment;
  private final Secrets secrets;
  private final CheckResources resources;
  private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();

  /** Checks of this run that failed in a way no retry can change, by id: a rerun repeats them. */
  private final Map<String, CheckExecution> permanentFailures = new ConcurrentHashMap<>();

  public RetryingCheckExecutor(
      EnvironmentConfig environment, Secrets secrets, CheckResources resources) {
    this.environment = environment;
    this.secrets = secrets;
    this.resources = resources;
  }

  @Override
  public CheckExecution execute(CheckDefinition check) {
    CheckExecution concluded = permanentFailures.get(check.id());
    if (concluded != null) {
      // A rerun of a check whose failure no retry can change: the same result, no new attempt.
      return new CheckExecution(
          concluded.verdict(), 0, false, concluded.message(), concluded.certificateExpiry());
    }
    return masked(attempts(check));
  }

  /**
   * Fills the values captured by earlier checks into the check, then carries it out. The run's
   * secrets learn each header that carries credentials as it is sent.
   */
  @Override
  public CheckExecution execute(CheckDefinition check, Map<String, String> values) {
    return execute(check.withSpec(check.spec().withValues(values, secrets)));
  }

  private CheckExecution masked(CheckExecution execution) {
    String message = execution.message();
    return message == null
        ? execution
        : new CheckExecution(
            execution.verdict(),
            execution.attempts(),
            execution.flaky(),
            secrets.mask(message),
            execution.captured(),
            execution.degraded(),
            execution.certificateExpiry());
  }

  /**
   * The passing attempt's captured values: those named like a secret or marked so become the run's
   * secrets before anything can print them.
   */
  private Map<String, String> captured(CheckDefinition check, CheckOutcome passed) {
    for (Capture capture : check.captures()) {
      String value = passed.captured().get(capture.name());
      if (capture.secret() && value != null) {
        secrets.learn("the captured value ${" + capture.name() + "}", value);
      }
    }
    return passed.captured();
  }

  /**
   * Attempts the check as its retry policy plans (see {@link AttemptPlan}) until it passes, fails
   * in a way no retry can change, or the plan ends. Passing late when polling is not flaky.
   */
  private CheckExecution attempts(CheckDefinition check) {
    RetryConfig retry = check.retry();
    AttemptPlan plan = new AttemptPlan(retry, System.nanoTime());
    while (true) {
      plan.attemptStarts(System.nanoTime());
      CheckOutcome last = attempt(check);
      int count = plan.started();
      if (last.isPassed()) {
        return new CheckExecution(
            last.verdict(),
            count,
            !retry.polls() && count > 1,
            last.message(),
            captured(check, last),
            last.degraded(),
            last.certificateExpiry());
      }
      String message = last.message() == null ? "failed" : last.message();
      if (last.permanent()) {
        CheckExecution execution =
            new CheckExecution(
                last.verdict(), count, false, notRetried(message, retry), last.certificateExpiry());
        permanentFailures.put(check.id(), masked(execution));
        return execution;
      }
      Duration pause = plan.pauseAfterFailure(System.nanoTime());
      if (pause == null) {
        return new CheckExecution(
            last.verdict(),
            count,
            false,
            allFailed(message, retry, count),
            last.certificateExpiry());
      }
      if (!sleep(pause)) {
        return new CheckExecution(last.verdict(), count, false, message, last.certificateExpiry());
      }
    }
  }

  private static String notRetried(String message, RetryConfig retry) {
    return retry.polls() || retry.attempts() > 1 ? noted(message, "(not retried)") : message;
  }

  /**
   * {@code note} at the end of the reason's first line: a reason's first line is its summary (the
   * console's, an incident's title, a summary table's cell), and what follows it, such as a body
   * excerpt, is detail.
   */
  private static String noted(String message, String note) {
    int newline = message.indexOf('\n');
    return newline < 0
        ? message + " " + note
        : message.substring(0, newline) + " " + note + message.substring(newline);
  }

  private static String allFailed(String message, RetryConfig retry, int attempts) {
    Duration until = retry.until();
    if (until != null) {
      return "still not passing after "
          + Durations.format(until)
          + " ("
          + attempts
          + (attempts == 1 ? " attempt): " : " attempts): ")
          + message;
    }
    return attempts > 1 ? noted(message, "(all " + attempts + " attempts failed)") : message;
  }

  @Override
  public @Nullable String skipReason(CheckDefinition check) {
    return check.spec().unavailableIn(environment);
  }

  private CheckOutcome attempt(CheckDefinition check) {
    CheckContext context = CheckContext.start(environment, check.timeout(), secrets, resources);
    if (check.spec().keepsItsDeadline()) {
      try {
        return check.spec().attempt(context);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CheckOutcome.error("interrupted");
      } catch (Exception e) {
        return thrown(e);
      }
    }
    Future<CheckOutcome> future = attempts.submit(() -> check.spec().attempt(context));
    try {
      return future.get(check.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return CheckOutcome.error("no result within " + Durations.format(check.timeout()));
    } catch (ExecutionException e) {
      return thrown(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return CheckOutcome.error("interrupted");
    }
  }

  private static CheckOutcome thrown(Throwable cause) {
    return CheckOutcome.error(
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
  }

  private static boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    attempts.shutdownNow();
  }
}
