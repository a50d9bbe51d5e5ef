package io.stagewatch.run;

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
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Retries and deadlines, the same for every check kind. An attempt of a kind that does not keep its
 * deadline on its own ({@link io.stagewatch.check.CheckSpec#keepsItsDeadline}) runs on its own
 * virtual thread and is abandoned shortly after its deadline even if the check ignores it, so one
 * hanging target cannot hold the run. Every message leaves here masked.
 */
public final class RetryingCheckExecutor implements CheckExecutor, AutoCloseable {
  /** How long past its deadline an attempt may take before it is abandoned. */
  static final Duration GRACE = Duration.ofSeconds(1);

  private final EnvironmentConfig environment;
  private final Secrets secrets;
  private final CheckResources resources;
  private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();

  public RetryingCheckExecutor(
      EnvironmentConfig environment, Secrets secrets, CheckResources resources) {
    this.environment = environment;
    this.secrets = secrets;
    this.resources = resources;
  }

  @Override
  public CheckExecution execute(CheckDefinition check) {
    CheckExecution execution = check.retry().polls() ? poll(check) : retry(check);
    String message = execution.message();
    return message == null
        ? execution
        : new CheckExecution(
            execution.verdict(), execution.attempts(), execution.flaky(), secrets.mask(message));
  }

  private CheckExecution retry(CheckDefinition check) {
    RetryConfig retry = check.retry();
    CheckOutcome last = CheckOutcome.error("not attempted");
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      if (attempt > 1 && !sleep(retry.delayBefore(attempt))) {
        return new CheckExecution(last.verdict(), attempt - 1, false, last.message());
      }
      last = attempt(check);
      if (last.isPassed()) {
        return new CheckExecution(last.verdict(), attempt, attempt > 1, last.message());
      }
    }
    String message = last.message() == null ? "failed" : last.message();
    if (retry.attempts() > 1) {
      message = message + " (all " + retry.attempts() + " attempts failed)";
    }
    return new CheckExecution(last.verdict(), retry.attempts(), false, message);
  }

  /**
   * Polls until the check passes or {@code retry.until} has passed. No attempt starts after the
   * deadline, so the check ends at most one attempt later. Passing late is not flaky.
   */
  private CheckExecution poll(CheckDefinition check) {
    RetryConfig retry = check.retry();
    Duration until = Objects.requireNonNull(retry.until());
    AtomicInteger count = new AtomicInteger();
    AtomicReference<CheckOutcome> last = new AtomicReference<>(CheckOutcome.error("not attempted"));
    try {
      // In the same thread: each attempt is already bounded by its own deadline, and no new
      // attempt starts once `until` has passed.
      Awaitility.await()
          .pollInSameThread()
          .atMost(until)
          .pollDelay(Duration.ZERO)
          .pollInterval(retry.every())
          .until(
              () -> {
                count.incrementAndGet();
                last.set(attempt(check));
                return last.get().isPassed();
              });
      return new CheckExecution(last.get().verdict(), count.get(), false, last.get().message());
    } catch (ConditionTimeoutException e) {
      CheckOutcome outcome = last.get();
      return new CheckExecution(
          outcome.verdict(),
          count.get(),
          false,
          "still not passing after "
              + Durations.format(until)
              + " ("
              + count.get()
              + (count.get() == 1 ? " attempt): " : " attempts): ")
              + outcome.message());
    }
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
