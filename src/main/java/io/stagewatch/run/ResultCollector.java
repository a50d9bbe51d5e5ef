package io.stagewatch.run;

import io.stagewatch.config.Secrets;
import io.stagewatch.suite.CheckDefinition;
import io.stagewatch.suite.StagewatchTestEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the platform's execution events, from both engines, into {@link CheckResult}s and passes
 * each on to the run's listeners as it finishes. Messages are masked here, once, for every engine.
 */
final class ResultCollector implements TestExecutionListener {
  /** Longest message kept; a failure that says more is cut. */
  static final int MAX_MESSAGE = 4000;

  private final Map<UniqueId, CheckDefinition> yamlChecks;
  private final Secrets secrets;
  private final RunListener events;
  private final @Nullable CancellationToken stopOnFailure;
  private final Silencing silencing;
  // Keyed by the id object: its text is formatted (and escaped) on first use, which cost a run of
  // 2000 checks a noticeable part of its listeners' time.
  private final Map<UniqueId, Long> startedAt = new ConcurrentHashMap<>();
  private final Map<UniqueId, Map<String, String>> entries = new ConcurrentHashMap<>();
  private final Map<UniqueId, CheckResult> results = new ConcurrentHashMap<>();
  private final Map<String, CheckResult> earlier;
  private volatile @Nullable TestPlan plan;

  /**
   * @param earlier results of earlier rounds by check id: a check found there is being rerun, so
   *     its attempts add up and a pass now makes it FLAKY
   * @param silencing marks each result that a silence or maintenance window covers
   */
  ResultCollector(
      Map<UniqueId, CheckDefinition> yamlChecks,
      Secrets secrets,
      RunListener events,
      @Nullable CancellationToken stopOnFailure,
      Map<String, CheckResult> earlier,
      Silencing silencing) {
    this.yamlChecks = yamlChecks;
    this.secrets = secrets;
    this.events = events;
    this.stopOnFailure = stopOnFailure;
    this.earlier = Map.copyOf(earlier);
    this.silencing = silencing;
  }

  /** The results in plan order. */
  List<CheckResult> results() {
    TestPlan testPlan = plan;
    List<CheckResult> ordered = new ArrayList<>();
    if (testPlan == null) {
      return ordered;
    }
    for (TestIdentifier root : testPlan.getRoots()) {
      for (TestIdentifier test : testPlan.getDescendants(root)) {
        CheckResult result = results.get(test.getUniqueIdObject());
        if (result != null) {
          ordered.add(result);
        }
      }
    }
    return ordered;
  }

  /** Unique ids of the tests that failed or erred, for a rerun. */
  List<String> failedIds() {
    return results.entrySet().stream()
        .filter(e -> e.getValue().status().isFailure())
        .map(e -> e.getKey().toString())
        .toList();
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    this.plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    startedAt.put(id.getUniqueIdObject(), System.nanoTime());
  }

  @Override
  public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
    entries
        .computeIfAbsent(id.getUniqueIdObject(), k -> new ConcurrentHashMap<>())
        .putAll(entry.getKeyValuePairs());
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    for (TestIdentifier test : testsAtOrBelow(id)) {
      record(test, CheckStatus.SKIPPED, reason);
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (id.isTest()) {
      record(id, statusOf(result), messageOf(result));
      return;
    }
    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
      // A container that fails (a Java suite whose @BeforeAll throws) leaves its tests unreported;
      // they must not vanish from the results.
      String message = "the suite could not run: " + messageOf(result);
      for (TestIdentifier test : testsAtOrBelow(id)) {
        if (!results.containsKey(test.getUniqueIdObject())) {
          record(test, CheckStatus.ERROR, message);
        }
      }
    }
  }

  private List<TestIdentifier> testsAtOrBelow(TestIdentifier id) {
    TestPlan testPlan = plan;
    if (id.isTest() || testPlan == null) {
      return id.isTest() ? List.of(id) : List.of();
    }
    return testPlan.getDescendants(id).stream().filter(TestIdentifier::isTest).toList();
  }

  private void record(TestIdentifier id, CheckStatus status, @Nullable String message) {
    UniqueId uid = id.getUniqueIdObject();
    Long start = startedAt.get(uid);
    long durationMs = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    Map<String, String> entry = entries.getOrDefault(uid, Map.of());
    int attempts = Integer.parseInt(entry.getOrDefault(StagewatchTestEngine.ATTEMPTS, "1"));
    if (status == CheckStatus.PASSED && "true".equals(entry.get(StagewatchTestEngine.FLAKY))) {
      status = CheckStatus.FLAKY;
    }
    if (status == CheckStatus.PASSED || status == CheckStatus.FLAKY) {
      message = entry.get(StagewatchTestEngine.DETAIL);
    }
    CheckDefinition yaml = yamlChecks.get(id.getUniqueIdObject());
    String suite = yaml != null ? yaml.suite() : javaSuiteName(id);
    String name = yaml != null ? yaml.name() : id.getDisplayName();
    CheckResult before = earlier.get(suite + "/" + name);
    if (before != null && status != CheckStatus.SKIPPED) {
      attempts += before.attempts();
      status = status.isPass() ? CheckStatus.FLAKY : status;
    }
    List<String> tags =
        yaml != null ? yaml.tags() : id.getTags().stream().map(TestTag::getName).sorted().toList();
    List<String> flags = yaml != null ? yaml.spec().flags() : List.of();
    boolean degraded = status.isPass() && "true".equals(entry.get(StagewatchTestEngine.DEGRADED));
    CheckResult result =
        silencing.apply(
            new CheckResult(
                suite + "/" + name,
                suite,
                name,
                tags,
                status,
                status == CheckStatus.SKIPPED ? 0 : attempts,
                durationMs,
                message == null ? null : cut(secrets.mask(message)),
                flags,
                null,
                degraded,
                certificateExpiry(entry)));
    results.put(uid, result);
    events.checkFinished(result);
    CancellationToken token = stopOnFailure;
    if (token != null && status.isFailure()) {
      token.cancel();
    }
  }

  private static @Nullable Instant certificateExpiry(Map<String, String> entry) {
    String expiry = entry.get(StagewatchTestEngine.CERTIFICATE_EXPIRY);
    return expiry == null ? null : Instant.parse(expiry);
  }

  private static CheckStatus statusOf(TestExecutionResult result) {
    return switch (result.getStatus()) {
      case SUCCESSFUL -> CheckStatus.PASSED;
      case ABORTED -> CheckStatus.SKIPPED;
      case FAILED ->
          result.getThrowable().orElse(null) instanceof AssertionError
              ? CheckStatus.FAILED
              : CheckStatus.ERROR;
    };
  }

  private static @Nullable String messageOf(TestExecutionResult result) {
    Optional<Throwable> thrown = result.getThrowable();
    if (thrown.isEmpty()) {
      return null;
    }
    Throwable t = thrown.get();
    String message = t.getMessage();
    if (t instanceof AssertionError || t instanceof io.stagewatch.suite.CheckErrorException) {
      return message == null || message.isBlank() ? "assertion failed" : message.strip();
    }
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
  }

  /** A Java suite's name: its class name without the package. */
  private static String javaSuiteName(TestIdentifier id) {
    String className =
        id.getSource()
            .map(
                source ->
                    source instanceof MethodSource m
                        ? m.getClassName()
                        : source instanceof ClassSource c ? c.getClassName() : null)
            .orElse(id.getDisplayName());
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple.replace('$', '.');
  }

  private static String cut(String message) {
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE)
            + "… ("
            + (message.length() - MAX_MESSAGE)
            + " more characters)";
  }
}
