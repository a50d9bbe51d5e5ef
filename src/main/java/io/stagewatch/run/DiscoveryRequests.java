package io.stagewatch.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.stagewatch.suite.jupiter.ActiveEnvironments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * The platform's discovery requests for a run: the selection (Java suite classes when one can be
 * selected, the tag and suite filters) and the configuration both engines read.
 */
final class DiscoveryRequests {
  /**
   * Added to a Java suite test's deadline: the first REST Assured request in a process loads
   * Groovy, which takes one to two seconds on a small machine and must not count as the target's
   * slowness. A test can set a tighter bound with {@code @Timeout}.
   */
  static final Duration JAVA_SUITE_WARM_UP = Duration.ofSeconds(5);

  private final RunOptions options;
  private final Duration timeout;
  private final @Nullable TagSelection tags;
  private final List<DiscoverySelector> javaSuites;

  /**
   * @param timeout {@code defaults.timeout}: a Java suite test's deadline, with the warm-up
   * @param javaSuites the Java suite classes to select; empty when none can be selected
   */
  DiscoveryRequests(
      RunOptions options,
      Duration timeout,
      @Nullable TagSelection tags,
      List<DiscoverySelector> javaSuites) {
    this.options = options;
    this.timeout = timeout;
    this.tags = tags;
    this.javaSuites = List.copyOf(javaSuites);
  }

  /** The run's selection; {@code runId} tells Java suites which environment is theirs. */
  LauncherDiscoveryRequest selection(String runId) {
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(javaSuites)
            .configurationParameters(parameters(runId))
            .enableImplicitConfigurationParameters(false);
    if (tags != null) {
      request.filters(tags);
    }
    if (!options.suites().isEmpty()) {
      request.filters(new SuiteNameFilter(new HashSet<>(options.suites())));
    }
    return request.build();
  }

  /** The tests with these unique ids, for a rerun. */
  LauncherDiscoveryRequest tests(List<String> uniqueIds, String runId) {
    List<DiscoverySelector> selectors = new ArrayList<>();
    uniqueIds.forEach(id -> selectors.add(selectUniqueId(id)));
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .configurationParameters(parameters(runId))
        .enableImplicitConfigurationParameters(false)
        .build();
  }

  private Map<String, String> parameters(String runId) {
    Map<String, String> p = new HashMap<>();
    p.put(ActiveEnvironments.RUN_ID_PARAMETER, runId);
    // Pruning walks every finished test's ancestors to trim stack traces the reports never show;
    // with thousands of checks that is measurable work for nothing.
    p.put("junit.platform.stacktrace.pruning.enabled", "false");
    long timeoutMs = timeout.plus(JAVA_SUITE_WARM_UP).toMillis();
    p.put("junit.jupiter.execution.timeout.mode", "enabled");
    p.put("junit.jupiter.execution.timeout.default", timeoutMs + " ms");
    // A hanging Java suite is abandoned at its deadline instead of holding the run.
    p.put("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
    if (options.parallelism() > 1) {
      p.put("junit.jupiter.execution.parallel.enabled", "true");
      p.put("junit.jupiter.execution.parallel.mode.default", "concurrent");
      p.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
      p.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
      p.put("junit.jupiter.execution.parallel.config.executor-service", "FORK_JOIN_POOL");
      p.put(
          "junit.jupiter.execution.parallel.config.fixed.parallelism",
          Integer.toString(options.parallelism()));
    }
    return p;
  }
}
