package io.stagewatch.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.stagewatch.check.CheckResources;
import io.stagewatch.check.sql.Databases;
import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.suite.CheckDefinition;
import io.stagewatch.suite.StagewatchTestEngine;
import io.stagewatch.suite.SuiteDefinition;
import io.stagewatch.suite.jupiter.ActiveEnvironments;
import io.stagewatch.suite.jupiter.StagingEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;

/**
 * Runs a selection of YAML and Java suites through one JUnit Platform Launcher: one discovery
 * request for both engines, tag and suite filters applied by the platform, failed tests rerun by
 * unique id, and every result passed to the run's listeners.
 */
public final class Runner {
  /**
   * Added to a Java suite test's deadline: the first REST Assured request in a process loads
   * Groovy, which takes one to two seconds on a small machine and must not count as the target's
   * slowness. A test can set a tighter bound with {@code @Timeout}.
   */
  static final Duration JAVA_SUITE_WARM_UP = Duration.ofSeconds(5);

  private final StagewatchConfig config;
  private final List<SuiteDefinition> suites;
  private final RunOptions options;

  /** Keyed by the id objects, which compare without being formatted as text. */
  private final Map<UniqueId, CheckDefinition> yamlChecks = new HashMap<>();

  /** The run's tag expression, parsed once; null when the run has none. */
  private final @Nullable TagSelection tagSelection;

  /** The Java suites the run can select. */
  private final JavaSuites javaSuites;

  /** Whether the Jupiter engine takes part: only when a Java suite can be selected. */
  private final boolean jupiter;

  public Runner(StagewatchConfig config, List<SuiteDefinition> suites, RunOptions options)
      throws ConfigException {
    this.config = config;
    this.suites = List.copyOf(suites);
    this.options = options;
    for (SuiteDefinition suite : suites) {
      for (CheckDefinition check : suite.checks()) {
        yamlChecks.put(StagewatchTestEngine.uniqueIdOf(check), check);
      }
    }
    this.tagSelection = tagSelection(options.tags());
    if (options.parallelism() < 1) {
      throw usage("--parallel", "must be at least 1");
    }
    this.javaSuites = JavaSuites.of(config, options);
    this.jupiter = javaSuites.anySelectable(tagSelection);
  }

  /** The series of the run: its selection, named by the schedule that selects the same. */
  public Series series() {
    return Series.of(config.schedules(), options.suites(), options.tags());
  }

  /** The checks the options select, without running anything. */
  public List<PlannedCheck> plan() throws ConfigException {
    try (CheckResources resources = new CheckResources();
        RetryingCheckExecutor executor = executor(resources);
        LauncherSession session = launcherSession(executor)) {
      return javaSuites.withClassLoader(
          () -> describe(session.getLauncher().discover(discoveryRequest(""))));
    }
  }

  /**
   * The checks the options select, judged as {@link #run} judges them before running anything: a
   * selection of no check, or a selected check with an unset variable, is refused.
   *
   * @throws ConfigException naming every problem
   */
  public List<PlannedCheck> validate() throws ConfigException {
    try (CheckResources resources = new CheckResources();
        RetryingCheckExecutor executor = executor(resources);
        LauncherSession session = launcherSession(executor)) {
      return javaSuites.withClassLoader(
          () -> {
            TestPlan plan = session.getLauncher().discover(discoveryRequest(""));
            refuseUnresolved(plan);
            refuseEmpty(plan);
            return describe(plan);
          });
    }
  }

  /** Runs the selected checks and returns the result; listeners see every event on the way. */
  public RunResult run(RunListener listener) throws ConfigException {
    return javaSuites.withClassLoader(() -> runWithClassLoader(listener));
  }

  private RunResult runWithClassLoader(RunListener listener) throws ConfigException {
    Instant startedAt = Instant.now();
    RunInfo info =
        new RunInfo(
            RunIds.next(startedAt),
            config.project(),
            config.environment().name(),
            options.trigger(),
            options.label(),
            startedAt,
            series());
    try (CheckResources resources = new CheckResources();
        RetryingCheckExecutor executor = executor(resources);
        LauncherSession session = launcherSession(executor)) {
      ActiveEnvironments.register(info.runId(), stagingEnvironment(resources));
      Launcher launcher = session.getLauncher();
      TestPlan plan = launcher.discover(discoveryRequest(info.runId()));
      refuseUnresolved(plan);
      refuseEmpty(plan);
      listener.runStarted(info, (int) plan.countTestIdentifiers(TestIdentifier::isTest));
      Map<String, CheckResult> results = new LinkedHashMap<>();
      int reruns = config.defaults().rerunFailures();
      // With reruns ahead a failure is not final: listeners hear of it once it is, and only once.
      List<String> failed =
          execute(launcher, plan, reruns > 0 ? passesOnly(listener) : listener, results);
      List<String> held =
          reruns > 0
              ? results.values().stream()
                  .filter(r -> r.status().isFailure())
                  .map(CheckResult::id)
                  .toList()
              : List.of();
      for (int round = 1; round <= reruns && !failed.isEmpty(); round++) {
        failed = rerun(launcher, failed, info.runId(), results);
      }
      results.values().stream().filter(r -> held.contains(r.id())).forEach(listener::checkFinished);
      RunResult result = new RunResult(info, Instant.now(), List.copyOf(results.values()));
      listener.runFinished(result);
      return result;
    } finally {
      ActiveEnvironments.unregister(info.runId());
    }
  }

  private List<String> execute(
      Launcher launcher, TestPlan plan, RunListener listener, Map<String, CheckResult> into) {
    CancellationToken token = CancellationToken.create();
    ResultCollector collector =
        new ResultCollector(
            yamlChecks, config.secrets(), listener, options.failFast() ? token : null, into);
    launcher.execute(
        LauncherExecutionRequestBuilder.request(plan)
            .listeners(collector)
            .cancellationToken(token)
            .build());
    for (CheckResult result : collector.results()) {
      into.put(result.id(), result);
    }
    return collector.failedIds();
  }

  /**
   * Reruns failed tests by unique id. A test that passes now is FLAKY; its attempts add up over the
   * rounds. Listeners are told of the merged results by the caller, not of each round.
   */
  private List<String> rerun(
      Launcher launcher, List<String> failedIds, String runId, Map<String, CheckResult> results) {
    List<DiscoverySelector> selectors = new ArrayList<>();
    failedIds.forEach(id -> selectors.add(selectUniqueId(id)));
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .configurationParameters(parameters(runId))
            .enableImplicitConfigurationParameters(false)
            .build();
    TestPlan plan = launcher.discover(request);
    // Listeners hear of rerun checks once they are final, from run().
    return execute(launcher, plan, new RunListener() {}, results);
  }

  /** Passes on the results that passed or were skipped; failures are held back for a rerun. */
  private static RunListener passesOnly(RunListener listener) {
    return new RunListener() {
      @Override
      public void checkFinished(CheckResult result) {
        if (!result.status().isFailure()) {
          listener.checkFinished(result);
        }
      }
    };
  }

  private LauncherDiscoveryRequest discoveryRequest(String runId) {
    List<DiscoverySelector> selectors = jupiter ? javaSuites.selectors() : List.of();
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .configurationParameters(parameters(runId))
            .enableImplicitConfigurationParameters(false);
    if (tagSelection != null) {
      request.filters(tagSelection);
    }
    if (!options.suites().isEmpty()) {
      request.filters(new SuiteNameFilter(new HashSet<>(options.suites())));
    }
    return request.build();
  }

  private Map<String, String> parameters(String runId) {
    Map<String, String> p = new HashMap<>();
    p.put(ActiveEnvironments.RUN_ID_PARAMETER, runId);
    // Pruning walks every finished test's ancestors to trim stack traces the reports never show;
    // with thousands of checks that is measurable work for nothing.
    p.put("junit.platform.stacktrace.pruning.enabled", "false");
    long timeoutMs = config.defaults().timeout().plus(JAVA_SUITE_WARM_UP).toMillis();
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

  /** One session for the whole run: discovery, execution and reruns share one launcher. */
  private LauncherSession launcherSession(RetryingCheckExecutor executor) {
    return LauncherWithoutFlightRecorder.openSession(
        LauncherConfig.builder()
            .enableTestEngineAutoRegistration(false)
            .enableTestExecutionListenerAutoRegistration(false)
            .enableLauncherSessionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false)
            .addTestEngines(engines(executor))
            .build());
  }

  /** The YAML suites' engine, and Jupiter's when a Java suite can be selected. */
  private TestEngine[] engines(RetryingCheckExecutor executor) {
    TestEngine yaml = new StagewatchTestEngine(suites, executor, options.parallelism());
    return jupiter ? new TestEngine[] {yaml, new JupiterTestEngine()} : new TestEngine[] {yaml};
  }

  private RetryingCheckExecutor executor(CheckResources resources) {
    return new RetryingCheckExecutor(config.environment(), config.secrets(), resources);
  }

  /** Java suites share the run's database pools with the YAML checks. */
  private StagingEnvironment stagingEnvironment(CheckResources resources) {
    Databases databases =
        Databases.of(resources, config.environment().databases(), config.defaults().timeout());
    return new StagingEnvironment(
        config.environment().name(),
        config.environment().baseUrl(),
        config.environment().headers(),
        config.defaults().timeout(),
        databases.dataSources());
  }

  private static @Nullable TagSelection tagSelection(@Nullable String tags) throws ConfigException {
    if (tags == null) {
      return null;
    }
    try {
      return new TagSelection(tags);
    } catch (RuntimeException e) {
      throw usage("--tags", "'" + tags + "' is not a valid tag expression: " + e.getMessage());
    }
  }

  private static ConfigException usage(String option, String message) {
    return new ConfigException(
        List.of(new ConfigProblem(Location.ofFile("command line"), option, message)));
  }

  /** Running a check with unset variables would send wrong requests: refuse the whole run. */
  private void refuseUnresolved(TestPlan plan) throws ConfigException {
    List<ConfigProblem> problems = new ArrayList<>();
    for (TestIdentifier test : tests(plan)) {
      CheckDefinition check = yamlChecks.get(test.getUniqueIdObject());
      if (check != null) {
        problems.addAll(check.unresolved());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /** A selection of no check is a usage error: nothing is run, or printed as if it had been. */
  private void refuseEmpty(TestPlan plan) throws ConfigException {
    if (plan.countTestIdentifiers(TestIdentifier::isTest) == 0) {
      throw usage(
          "",
          "no check matches the selection"
              + (options.tags() == null ? "" : " -t '" + options.tags() + "'")
              + (options.suites().isEmpty() ? "" : " -s " + options.suites()));
    }
  }

  private List<PlannedCheck> describe(TestPlan plan) {
    List<PlannedCheck> planned = new ArrayList<>();
    for (TestIdentifier test : tests(plan)) {
      CheckDefinition check = yamlChecks.get(test.getUniqueIdObject());
      if (check != null) {
        planned.add(
            new PlannedCheck(check.id(), check.suite(), check.name(), check.tags(), check.kind()));
      } else {
        String suite =
            test.getParentIdObject()
                .map(p -> plan.getTestIdentifier(p).getDisplayName())
                .orElse("");
        planned.add(
            new PlannedCheck(
                suite + "/" + test.getDisplayName(),
                suite,
                test.getDisplayName(),
                test.getTags().stream().map(TestTag::getName).sorted().toList(),
                "java"));
      }
    }
    return planned;
  }

  private static List<TestIdentifier> tests(TestPlan plan) {
    List<TestIdentifier> tests = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      plan.getDescendants(root).stream().filter(TestIdentifier::isTest).forEach(tests::add);
    }
    return tests;
  }
}
