package io.stagewatch.suite;

import io.stagewatch.check.AttemptVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * Runs YAML suites on the JUnit Platform: each suite is a container, each check a test, and the
 * checks of all suites run in parallel, each on a virtual thread, at most --parallel at once; the
 * checks of a suite that captures values run one after another, in order. With no unique-id
 * selectors in the request every suite is discovered; with some, only the checks they name (that is
 * how failed checks are rerun).
 *
 * <p>The engine is handed its suites and executor by the runner rather than found on the class
 * path, so that one process can run differently configured runs.
 */
public final class StagewatchTestEngine implements TestEngine {
  public static final String ENGINE_ID = "stagewatch";

  /** Unique id segment type of a suite. */
  public static final String SUITE_SEGMENT = "suite";

  /** Unique id segment type of a check. */
  public static final String CHECK_SEGMENT = "check";

  /** Report entry key: how many attempts the check took. */
  public static final String ATTEMPTS = "stagewatch.attempts";

  /** Report entry key: what a passing check saw, such as a database's version. */
  public static final String DETAIL = "stagewatch.detail";

  /** Report entry key: when the TLS certificate the check saw expires (an ISO-8601 instant). */
  public static final String CERTIFICATE_EXPIRY = "stagewatch.certificateExpiry";

  /** Report entry key: "true" when the check passed only after failing. */
  public static final String FLAKY = "stagewatch.flaky";

  /** Report entry key: "true" when the check passed slower than its degradedResponseTime. */
  public static final String DEGRADED = "stagewatch.degraded";

  private final List<SuiteDefinition> suites;
  private final CheckExecutor executor;
  private final int parallelism;

  /** The values checks captured in this run: the engine serves one run, reruns included. */
  private final CapturedValues captured = new CapturedValues();

  public StagewatchTestEngine(
      List<SuiteDefinition> suites, CheckExecutor executor, int parallelism) {
    this.suites = List.copyOf(suites);
    this.executor = executor;
    this.parallelism = Math.max(1, parallelism);
  }

  /** The unique id the platform knows a YAML check by. */
  public static UniqueId uniqueIdOf(CheckDefinition check) {
    return UniqueId.forEngine(ENGINE_ID)
        .append(SUITE_SEGMENT, check.suite())
        .append(CHECK_SEGMENT, check.name());
  }

  @Override
  public String getId() {
    return ENGINE_ID;
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "stagewatch YAML suites");
    List<UniqueIdSelector> selectors = request.getSelectorsByType(UniqueIdSelector.class);
    Set<UniqueId> wanted =
        selectors.stream().map(UniqueIdSelector::getUniqueId).collect(Collectors.toSet());
    NodeParts parts = new NodeParts();
    for (SuiteDefinition suite : suites) {
      SuiteDescriptor suiteDescriptor = new SuiteDescriptor(uniqueId, suite, parts);
      for (CheckDefinition check : suite.checks()) {
        CheckDescriptor checkDescriptor =
            new CheckDescriptor(suiteDescriptor.getUniqueId(), check, parts);
        if (selectors.isEmpty()
            || wanted.contains(uniqueId)
            || wanted.contains(suiteDescriptor.getUniqueId())
            || wanted.contains(checkDescriptor.getUniqueId())) {
          suiteDescriptor.addChild(checkDescriptor);
        }
      }
      if (!suiteDescriptor.getChildren().isEmpty()) {
        engine.addChild(suiteDescriptor);
      }
    }
    return engine;
  }

  @Override
  public void execute(ExecutionRequest request) {
    TestDescriptor root = request.getRootTestDescriptor();
    EngineExecutionListener listener = request.getEngineExecutionListener();
    CancellationToken cancellation = request.getCancellationToken();
    listener.executionStarted(root);
    // One virtual thread per check, at most `parallelism` at once. Checks start in the order of
    // the suites (the gate is passed here, before a check's thread exists), which keeps
    // --parallel 1 sequential and --fail-fast meaningful.
    Semaphore gate = new Semaphore(parallelism);
    ExecutorService pool = Executors.newThreadPerTaskExecutor(checkThreads());
    try {
      List<TestDescriptor> suiteDescriptors = new ArrayList<>(root.getChildren());
      List<List<Future<?>>> running = new ArrayList<>();
      for (TestDescriptor suite : suiteDescriptors) {
        listener.executionStarted(suite);
        List<Future<?>> checks = new ArrayList<>();
        if (((SuiteDescriptor) suite).sequential()) {
          checks.add(inOrder(suite, gate, pool, listener, cancellation));
          running.add(checks);
          continue;
        }
        for (TestDescriptor check : suite.getChildren()) {
          CheckDescriptor descriptor = (CheckDescriptor) check;
          if (!pass(gate)) {
            listener.executionSkipped(descriptor, "not run: the run was interrupted");
            continue;
          }
          checks.add(
              pool.submit(
                  () -> {
                    try {
                      runCheck(descriptor, listener, cancellation);
                    } finally {
                      gate.release();
                    }
                  }));
        }
        running.add(checks);
      }
      for (int i = 0; i < suiteDescriptors.size(); i++) {
        awaitAll(running.get(i));
        listener.executionFinished(suiteDescriptors.get(i), TestExecutionResult.successful());
      }
    } finally {
      pool.shutdownNow();
    }
    listener.executionFinished(root, TestExecutionResult.successful());
  }

  /**
   * Runs a suite whose checks capture values on one thread and one slot, its checks one after
   * another in order, so that each sees the values captured before it.
   */
  private Future<?> inOrder(
      TestDescriptor suite,
      Semaphore gate,
      ExecutorService pool,
      EngineExecutionListener listener,
      CancellationToken cancellation) {
    List<CheckDescriptor> checks =
        suite.getChildren().stream().map(CheckDescriptor.class::cast).toList();
    if (!pass(gate)) {
      checks.forEach(c -> listener.executionSkipped(c, "not run: the run was interrupted"));
      return CompletableFuture.completedFuture(null);
    }
    return pool.submit(
        () -> {
          try {
            checks.forEach(check -> runCheck(check, listener, cancellation));
          } finally {
            gate.release();
          }
        });
  }

  /** Waits for a free slot; false when interrupted (the flag stays set, so no later one waits). */
  private static boolean pass(Semaphore gate) {
    try {
      gate.acquire();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void runCheck(
      CheckDescriptor descriptor,
      EngineExecutionListener listener,
      CancellationToken cancellation) {
    CheckDefinition check = descriptor.check();
    String skip =
        cancellation.isCancellationRequested()
            ? "not run: the run stopped at the first failure"
            : executor.skipReason(check);
    if (skip == null) {
      skip = captured.missingFor(check);
    }
    if (skip != null) {
      captured.skipped(check);
      listener.executionSkipped(descriptor, skip);
      return;
    }
    listener.executionStarted(descriptor);
    CheckExecution execution;
    try {
      execution =
          check.uses().isEmpty()
              ? executor.execute(check)
              : executor.execute(check, captured.of(check.suite()));
    } catch (RuntimeException e) {
      // Failure isolation: a defect in one check kind must not take the run down.
      execution = new CheckExecution(AttemptVerdict.ERROR, 1, false, "internal error: " + e);
    }
    if (execution.verdict() == AttemptVerdict.PASSED) {
      captured.passed(check, execution.captured());
    } else {
      captured.failed(check);
    }
    publishEntry(descriptor, listener, execution);
    listener.executionFinished(descriptor, toResult(execution));
  }

  /**
   * Tells the listeners what a test result cannot carry: attempts, flakiness, and a passed check's
   * detail, whether it was degraded, and the certificate expiry a check saw. A check that passed at
   * its first attempt without a detail, most of them, publishes nothing: a missing entry reads as
   * one attempt, not flaky, and each entry goes through every listener of the platform.
   */
  private static void publishEntry(
      CheckDescriptor descriptor, EngineExecutionListener listener, CheckExecution execution) {
    String detail = execution.verdict() == AttemptVerdict.PASSED ? execution.message() : null;
    Instant expiry = execution.certificateExpiry();
    if (execution.attempts() == 1
        && !execution.flaky()
        && detail == null
        && !execution.degraded()
        && expiry == null) {
      return;
    }
    Map<String, String> entry = new HashMap<>();
    entry.put(ATTEMPTS, Integer.toString(execution.attempts()));
    entry.put(FLAKY, Boolean.toString(execution.flaky()));
    if (detail != null) {
      entry.put(DETAIL, detail);
    }
    if (execution.degraded()) {
      entry.put(DEGRADED, "true");
    }
    if (expiry != null) {
      entry.put(CERTIFICATE_EXPIRY, expiry.toString());
    }
    listener.reportingEntryPublished(descriptor, ReportEntry.from(entry));
  }

  private static TestExecutionResult toResult(CheckExecution execution) {
    String message = execution.message() == null ? "" : execution.message();
    return switch (execution.verdict()) {
      case PASSED -> TestExecutionResult.successful();
      case FAILED -> TestExecutionResult.failed(new CheckFailedError(message));
      case ERROR -> TestExecutionResult.failed(new CheckErrorException(message));
    };
  }

  private static void awaitAll(List<Future<?>> futures) {
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        // runCheck reports its own failures; nothing is left to report here.
      }
    }
  }

  private static ThreadFactory checkThreads() {
    // One name for all: a numbered name is drawn from a counter behind a VarHandle, whose method
    // handles the JDK builds at run time, at a run's start (CONTRIBUTING, Speed).
    return Thread.ofVirtual().name("stagewatch-check").factory();
  }
}
