package io.stagewatch.run;

import io.stagewatch.check.CheckResources;
import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.config.Secrets;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.config.TagExpressions;
import io.stagewatch.suite.CheckDefinition;
import io.stagewatch.suite.StagewatchTestEngine;
import io.stagewatch.suite.SuiteDefinition;
import io.stagewatch.suite.jupiter.ActiveEnvironments;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;

/**
 * Runs a selection of YAML and Java suites through one JUnit Platform Launcher: one discovery
 * request for both engines ({@link DiscoveryRequests}), the plan judged before it runs ({@link
 * DiscoveredChecks}), failed tests rerun by unique id ({@link Reruns}), Java suites found and given
 * their environment ({@link JavaSuites}, {@link JavaSuiteEnvironment}), and every result passed to
 * the run's listeners.
 */
public final class Runner {
  private final StagewatchConfig config;
  private final List<SuiteDefinition> suites;
  private final RunOptions options;

  /** The run's start and end times come from it, and so its id. */
  private final Clock clock;

  /** Keyed by the id objects, which compare without being formatted as text. */
  private final Map<UniqueId, CheckDefinition> yamlChecks = new HashMap<>();

  /** The Java suites the run can select. */
  private final JavaSuites javaSuites;

  /** Whether the Jupiter engine takes part: only when a Java suite can be selected. */
  private final boolean jupiter;

  private final DiscoveryRequests requests;

  /** What outlives the run, such as an OAuth2 token the daemon keeps until it expires. */
  private final CheckResources lasting;

  public Runner(
      StagewatchConfig config, List<SuiteDefinition> suites, RunOptions options, Clock clock)
      throws ConfigException {
    this(config, suites, options, clock, new CheckResources(clock));
  }

  /**
   * @param lasting resources that outlive the run (the daemon's), on the same clock
   */
  public Runner(
      StagewatchConfig config,
      List<SuiteDefinition> suites,
      RunOptions options,
      Clock clock,
      CheckResources lasting)
      throws ConfigException {
    this.lasting = lasting;
    this.config = config;
    this.suites = List.copyOf(suites);
    this.options = options;
    this.clock = clock;
    for (SuiteDefinition suite : suites) {
      for (CheckDefinition check : suite.checks()) {
        yamlChecks.put(StagewatchTestEngine.uniqueIdOf(check), check);
      }
    }
    // The run's tag expression, parsed once.
    TagSelection tags = tagSelection(options.tags());
    if (options.parallelism() < 1) {
      throw usage("--parallel", "must be at least 1");
    }
    this.javaSuites = JavaSuites.of(config, options);
    this.jupiter = javaSuites.anySelectable(tags);
    this.requests =
        new DiscoveryRequests(
            options,
            config.defaults().timeout(),
            tags,
            jupiter ? javaSuites.selectors() : List.of());
  }

  /** The series of the run: its selection, named by the schedule that selects the same. */
  public Series series() {
    return Series.of(config.schedules(), options.suites(), options.tags());
  }

  /** The checks the options select, without running anything. */
  public List<PlannedCheck> plan() throws ConfigException {
    return discovered(false).planned();
  }

  /**
   * The checks the options select, judged as {@link #run} judges them before running anything: a
   * selection of no check, or a selected check with an unset variable, is refused.
   *
   * @throws ConfigException naming every problem
   */
  public List<PlannedCheck> validate() throws ConfigException {
    return discovered(true).planned();
  }

  private DiscoveredChecks discovered(boolean judged) throws ConfigException {
    try (CheckResources resources = new CheckResources();
        RetryingCheckExecutor executor = executor(resources, config.secrets());
        LauncherSession session = launcherSession(executor)) {
      return javaSuites.withClassLoader(
          () -> {
            DiscoveredChecks checks =
                new DiscoveredChecks(
                    session.getLauncher().discover(requests.selection("")), yamlChecks);
            if (judged) {
              checks.refuseToRunUnlessReady(selectionText());
            }
            return checks;
          });
    }
  }

  /** Runs the selected checks and returns the result; listeners see every event on the way. */
  public RunResult run(RunListener listener) throws ConfigException {
    return run(listener, Silencing.NONE);
  }

  /**
   * Runs the selected checks, marking the results {@code silencing} covers, and returns the result;
   * listeners see every event on the way.
   */
  public RunResult run(RunListener listener, Silencing silencing) throws ConfigException {
    return javaSuites.withClassLoader(() -> runWithClassLoader(listener, silencing));
  }

  private RunResult runWithClassLoader(RunListener listener, Silencing silencing)
      throws ConfigException {
    Instant startedAt = clock.instant();
    RunInfo info =
        new RunInfo(
            RunIds.next(startedAt),
            config.project(),
            config.environment().name(),
            options.trigger(),
            options.label(),
            startedAt,
            series());
    // The run's own secrets: the config's, and those it meets while running (captured values).
    Secrets secrets = config.secrets().learning();
    try (CheckResources resources = new CheckResources(lasting, listener::waitingOnNetwork);
        RetryingCheckExecutor executor = executor(resources, secrets);
        LauncherSession session = launcherSession(executor)) {
      ActiveEnvironments.register(info.runId(), JavaSuiteEnvironment.of(config, resources));
      Launcher launcher = session.getLauncher();
      TestPlan plan = launcher.discover(requests.selection(info.runId()));
      DiscoveredChecks checks = new DiscoveredChecks(plan, yamlChecks);
      checks.refuseToRunUnlessReady(selectionText());
      listener.runStarted(info, checks.count());
      List<CheckResult> results =
          new Reruns(
                  config.defaults().rerunFailures(),
                  (p, l, into) -> execute(launcher, p, l, into, secrets, silencing),
                  ids -> launcher.discover(requests.tests(ids, info.runId())))
              .run(plan, listener);
      RunResult result = new RunResult(info, clock.instant(), results);
      listener.runFinished(result);
      return result;
    } finally {
      ActiveEnvironments.unregister(info.runId());
    }
  }

  private List<String> execute(
      Launcher launcher,
      TestPlan plan,
      RunListener listener,
      Map<String, CheckResult> into,
      Secrets secrets,
      Silencing silencing) {
    CancellationToken token = CancellationToken.create();
    ResultCollector collector =
        new ResultCollector(
            yamlChecks, secrets, listener, options.failFast() ? token : null, into, silencing);
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

  private RetryingCheckExecutor executor(CheckResources resources, Secrets secrets) {
    return new RetryingCheckExecutor(config.environment(), secrets, resources);
  }

  /** The selection as the command line gave it: {@code -t 'smoke' -s [health]}. */
  private String selectionText() {
    return (options.tags() == null ? "" : " -t '" + options.tags() + "'")
        + (options.suites().isEmpty() ? "" : " -s " + options.suites());
  }

  private static @Nullable TagSelection tagSelection(@Nullable String tags) throws ConfigException {
    if (tags == null) {
      return null;
    }
    try {
      return new TagSelection(tags);
    } catch (RuntimeException e) {
      throw usage("--tags", TagExpressions.invalid(tags, e));
    }
  }

  private static ConfigException usage(String option, String message) {
    return new ConfigException(
        List.of(new ConfigProblem(Location.ofFile("command line"), option, message)));
  }
}
