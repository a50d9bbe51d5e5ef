package io.stagewatch.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.stagewatch.FreePort;
import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigLoader;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.DefaultsConfig;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.RetryConfig;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.suite.SuiteDefinition;
import io.stagewatch.suite.SuiteSource;
import io.stagewatch.suite.Workspace;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
  /**
   * The system clock: a run's duration, from its start and end times, is what the deadline bounds
   * below hold to a real clock.
   */
  private static final Clock WALL = Clock.systemUTC();

  private static final RetryConfig ONE_ATTEMPT =
      new RetryConfig(1, Duration.ofMillis(10), 1.0, null, RetryConfig.DEFAULT_EVERY);
  private static final DefaultsConfig DEFAULTS =
      new DefaultsConfig(Duration.ofSeconds(2), ONE_ATTEMPT, 0);

  @RegisterExtension
  static final WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  /** Records every event of a run, from whichever thread it comes. */
  private static final class Recorder implements RunListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<CheckResult> finished = Collections.synchronizedList(new ArrayList<>());
    int planned = -1;
    @Nullable RunResult result;

    @Override
    public void runStarted(RunInfo info, int plannedChecks) {
      planned = plannedChecks;
      events.add("runStarted");
    }

    @Override
    public void waitingOnNetwork() {
      events.add("waitingOnNetwork");
    }

    @Override
    public void checkFinished(CheckResult check) {
      finished.add(check);
      events.add("checkFinished " + check.id());
    }

    @Override
    public void runFinished(RunResult runResult) {
      result = runResult;
      events.add("runFinished");
    }

    List<String> finishedIds() {
      synchronized (finished) {
        return finished.stream().map(CheckResult::id).toList();
      }
    }
  }

  private static EnvironmentConfig staging(Map<String, String> headers) {
    return new EnvironmentConfig("staging", URI.create(target.baseUrl()), headers, Map.of());
  }

  private static StagewatchConfig config(DefaultsConfig defaults) {
    StagewatchConfig base = StagewatchConfig.of(staging(Map.of()), Path.of("suites"));
    return withDefaults(base, defaults);
  }

  private static StagewatchConfig withDefaults(StagewatchConfig base, DefaultsConfig defaults) {
    return new StagewatchConfig(
        base.file(),
        base.project(),
        base.environment(),
        base.environmentNames(),
        defaults,
        base.suitesDir(),
        base.store(),
        base.notifications(),
        base.schedules(),
        base.readiness(),
        base.secrets(),
        base.javaSuites(),
        base.maintenance());
  }

  private static List<SuiteDefinition> suites(StagewatchConfig config, String... yamls)
      throws ConfigException {
    List<SuiteSource> sources = new ArrayList<>();
    for (int i = 0; i < yamls.length; i++) {
      sources.add(new SuiteSource("suite" + i + ".yaml", yamls[i]));
    }
    return Workspace.fromSources(config, sources, Map.of(), false).suites();
  }

  private static RunOptions options(@Nullable String tags, List<String> suites, int parallelism) {
    return new RunOptions(tags, suites, parallelism, false, List.of(), "test", null);
  }

  private static RunOptions onlySuites(String... names) {
    return options(null, List.of(names), 4);
  }

  private static RunResult run(StagewatchConfig config, RunOptions options, String... yamls)
      throws ConfigException {
    return new Runner(config, suites(config, yamls), options, WALL).run(new Recorder());
  }

  private static CheckResult resultOf(RunResult result, String id) {
    return result.checks().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + id + " in " + result.checks()));
  }

  @Test
  void eachCheckEndsPassedFailedOrErrorWithItsMessageAndAttempts() throws Exception {
    target.stubFor(get("/ok").willReturn(ok("fine")));
    target.stubFor(get("/down").willReturn(aResponse().withStatus(503).withBody("maintenance")));
    String refused = "http://127.0.0.1:" + FreePort.pick() + "/ok";

    RunResult result =
        run(
            config(DEFAULTS),
            onlySuites("statuses"),
            """
            name: statuses
            checks:
              - name: passes
                http: {path: /ok}
                expect: {status: 200, bodyContains: fine}
              - name: wrong status
                http: {path: /missing}
                expect: {status: 200}
              - name: retried
                retry: {attempts: 3, delay: 10ms}
                http: {path: /down}
                expect: {status: 200}
              - name: refused
                http: {url: "%s"}
            """
                .formatted(refused));

    assertThat(result.checks())
        .extracting(CheckResult::id, CheckResult::status, CheckResult::attempts)
        .containsExactly(
            tuple("statuses/passes", CheckStatus.PASSED, 1),
            tuple("statuses/wrong status", CheckStatus.FAILED, 1),
            tuple("statuses/retried", CheckStatus.FAILED, 3),
            tuple("statuses/refused", CheckStatus.ERROR, 1));
    assertThat(resultOf(result, "statuses/passes").message()).isNull();
    assertThat(resultOf(result, "statuses/wrong status").message())
        .startsWith("expected status 200, got 404");
    // The note on the attempts ends the summary line, before the body's excerpt.
    assertThat(resultOf(result, "statuses/retried").message())
        .startsWith("expected status 200, got 503 (all 3 attempts failed)\nbody: ")
        .contains("maintenance");
    assertThat(resultOf(result, "statuses/refused").message()).contains("connection refused");
    target.verify(3, getRequestedFor(urlEqualTo("/down")));
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.counts()).isEqualTo(new Counts(4, 1, 0, 2, 1, 0));
  }

  @Test
  void theRunSaysOnceWhenItsFirstCheckWaitsOnTheNetworkBeforeThatCheckEnds() throws Exception {
    target.stubFor(get("/ok").willReturn(ok("fine").withFixedDelay(50)));
    StagewatchConfig config = config(DEFAULTS);
    Recorder recorder = new Recorder();

    new Runner(
            config,
            suites(
                config,
                """
                name: waits
                checks:
                  - {name: a, http: {path: /ok}}
                  - {name: b, http: {path: /ok}}
                  - {name: c, http: {path: /ok}}
                """),
            onlySuites("waits"),
            WALL)
        .run(recorder);

    List<String> events = List.copyOf(recorder.events);
    assertThat(events).filteredOn("waitingOnNetwork"::equals).hasSize(1);
    assertThat(events.indexOf("waitingOnNetwork"))
        .as("after the run started, before any check ended: %s", events)
        .isGreaterThan(events.indexOf("runStarted"))
        .isLessThan(events.indexOf("checkFinished waits/a"))
        .isLessThan(events.indexOf("checkFinished waits/b"))
        .isLessThan(events.indexOf("checkFinished waits/c"));
  }

  @Test
  void aCheckThatPassesOnItsSecondAttemptIsFlakyAndTheRunPasses() throws Exception {
    target.stubFor(
        get("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    target.stubFor(
        get("/flaky").inScenario("flaky").whenScenarioStateIs("up").willReturn(ok("back")));

    RunResult result =
        run(
            config(DEFAULTS),
            onlySuites("flaky"),
            """
            name: flaky
            checks:
              - name: comes back
                retry: {attempts: 3, delay: 10ms}
                http: {path: /flaky}
            """);

    CheckResult check = resultOf(result, "flaky/comes back");
    assertThat(check.status()).isEqualTo(CheckStatus.FLAKY);
    assertThat(check.attempts()).isEqualTo(2);
    assertThat(check.message()).isNull();
    assertThat(result.status()).isEqualTo(RunStatus.PASSED);
    assertThat(result.counts().flaky()).isEqualTo(1);
  }

  @Test
  void pollingUntilTheTargetTurnsHealthyPassesWithoutBeingFlaky() throws Exception {
    String[] states = {Scenario.STARTED, "deploying-2", "deploying-3", "live"};
    for (int i = 0; i < 3; i++) {
      target.stubFor(
          get("/version")
              .inScenario("deploy")
              .whenScenarioStateIs(states[i])
              .willReturn(okJson("{\"version\": \"1.0\"}"))
              .willSetStateTo(states[i + 1]));
    }
    target.stubFor(
        get("/version")
            .inScenario("deploy")
            .whenScenarioStateIs("live")
            .willReturn(okJson("{\"version\": \"2.0\"}")));

    RunResult result = run(config(DEFAULTS), onlySuites("deploy"), pollingForVersion2("2s"));

    CheckResult check = resultOf(result, "deploy/new version is live");
    assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(check.attempts()).isEqualTo(4);
    assertThat(result.status()).isEqualTo(RunStatus.PASSED);
  }

  /**
   * A suite whose one check polls {@code /version} until it says 2.0, for at most {@code until}.
   */
  static String pollingForVersion2(String until) {
    return """
        name: deploy
        checks:
          - name: new version is live
            retry: {until: %s, every: 100ms}
            http: {path: /version}
            expect: {json: {$.version: "2.0"}}
        """
        .formatted(until);
  }

  @Test
  void pollingThatNeverSucceedsEndsSoonAfterUntil() throws Exception {
    target.stubFor(get("/version").willReturn(okJson("{\"version\": \"1.0\"}")));

    RunResult result = run(config(DEFAULTS), onlySuites("deploy"), pollingForVersion2("1s"));

    CheckResult check = resultOf(result, "deploy/new version is live");
    assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(check.attempts()).isBetween(5, 12);
    assertThat(check.message())
        .startsWith("still not passing after 1s (" + check.attempts() + " attempts): ")
        .contains("$.version");
    assertThat(result.duration()).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void aFailedCheckIsRerunAndIsFlakyWhenTheRerunPasses() throws Exception {
    target.stubFor(
        get("/rerun")
            .inScenario("rerun")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("fixed"));
    target.stubFor(get("/rerun").inScenario("rerun").whenScenarioStateIs("fixed").willReturn(ok()));
    target.stubFor(get("/broken").willReturn(aResponse().withStatus(500)));
    StagewatchConfig config = config(new DefaultsConfig(Duration.ofSeconds(2), ONE_ATTEMPT, 1));
    Recorder recorder = new Recorder();

    RunResult result =
        new Runner(
                config,
                suites(
                    config,
                    """
                    name: reruns
                    checks:
                      - name: passes on rerun
                        http: {path: /rerun}
                      - name: always broken
                        http: {path: /broken}
                      - name: fine
                        http: {path: /ok}
                        expect: {status: 404}
                    """),
                onlySuites("reruns"),
                WALL)
            .run(recorder);

    assertThat(result.checks())
        .extracting(CheckResult::id, CheckResult::status, CheckResult::attempts)
        .containsExactly(
            tuple("reruns/passes on rerun", CheckStatus.FLAKY, 2),
            tuple("reruns/always broken", CheckStatus.FAILED, 2),
            tuple("reruns/fine", CheckStatus.PASSED, 1));
    target.verify(2, getRequestedFor(urlEqualTo("/rerun")));
    target.verify(2, getRequestedFor(urlEqualTo("/broken")));
    target.verify(1, getRequestedFor(urlEqualTo("/ok")));
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    // Listeners hear of each check once, with its final status.
    assertThat(recorder.finished)
        .extracting(CheckResult::id, CheckResult::status)
        .containsExactlyInAnyOrder(
            tuple("reruns/passes on rerun", CheckStatus.FLAKY),
            tuple("reruns/always broken", CheckStatus.FAILED),
            tuple("reruns/fine", CheckStatus.PASSED));
  }

  private static final String SMOKE =
      """
      name: shop
      tags: [smoke]
      checks:
        - name: home
          http: {path: /home}
        - name: search
          tags: [slow]
          http: {path: /search}
        - name: cart
          tags: [web]
          http: {path: /cart}
      """;

  private static final String NIGHTLY =
      """
      name: nightly
      tags: [nightly]
      checks:
        - name: report
          http: {path: /report}
      """;

  @Test
  void aTagExpressionPlansTheMatchingYamlAndJavaChecks() throws Exception {
    StagewatchConfig config = config(DEFAULTS);

    List<PlannedCheck> plan =
        new Runner(
                config,
                suites(config, SMOKE, NIGHTLY),
                options("smoke & !slow", List.of(), 4),
                WALL)
            .plan();

    assertThat(plan)
        .extracting(PlannedCheck::id, PlannedCheck::kind)
        .containsExactly(
            tuple("shop/home", "http"),
            tuple("shop/cart", "http"),
            tuple("OpenApiDocsSuite/api docs are a valid OpenAPI 3 document with paths", "java"));
    assertThat(plan.get(1).tags()).containsExactly("smoke", "web");
  }

  @Test
  void aTagExpressionRunsOnlyTheMatchingChecks() throws Exception {
    target.stubFor(get("/home").willReturn(ok()));
    target.stubFor(get("/cart").willReturn(ok()));
    target.stubFor(
        get("/openapi.json")
            .willReturn(
                okJson(
                    "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"shop\"},"
                        + " \"paths\": {\"/home\": {}}}")));
    StagewatchConfig config = config(DEFAULTS);

    RunResult result =
        new Runner(
                config,
                suites(config, SMOKE, NIGHTLY),
                options("smoke & !slow", List.of(), 4),
                WALL)
            .run(new Recorder());

    assertThat(result.checks())
        .extracting(CheckResult::id, CheckResult::status)
        .containsExactly(
            tuple("shop/home", CheckStatus.PASSED),
            tuple("shop/cart", CheckStatus.PASSED),
            tuple(
                "OpenApiDocsSuite/api docs are a valid OpenAPI 3 document with paths",
                CheckStatus.PASSED));
    target.verify(0, getRequestedFor(urlEqualTo("/search")));
    target.verify(0, getRequestedFor(urlEqualTo("/report")));
  }

  @Test
  void suiteNamesSelectWholeSuitesYamlOrJava() throws Exception {
    StagewatchConfig config = config(DEFAULTS);
    List<SuiteDefinition> suites = suites(config, SMOKE, NIGHTLY);

    assertThat(new Runner(config, suites, onlySuites("nightly"), WALL).plan())
        .extracting(PlannedCheck::id)
        .containsExactly("nightly/report");
    assertThat(new Runner(config, suites, onlySuites("OpenApiDocsSuite", "nightly"), WALL).plan())
        .extracting(PlannedCheck::id)
        .containsExactly(
            "nightly/report",
            "OpenApiDocsSuite/api docs are a valid OpenAPI 3 document with paths");
    assertThat(
            new Runner(config, suites, options("slow", List.of("shop", "nightly"), 4), WALL).plan())
        .extracting(PlannedCheck::id)
        .containsExactly("shop/search");
  }

  @Test
  void checksRunInParallelUpToTheParallelism() throws Exception {
    target.stubFor(get("/slow").willReturn(ok().withFixedDelay(1000)));
    StringBuilder yaml = new StringBuilder("name: parallel\nchecks:\n");
    for (int i = 1; i <= 6; i++) {
      yaml.append("  - name: slow ").append(i).append("\n    http: {path: /slow}\n");
    }

    RunResult result =
        run(config(DEFAULTS), options(null, List.of("parallel"), 6), yaml.toString());

    assertThat(result.checks()).hasSize(6).allMatch(c -> c.status() == CheckStatus.PASSED);
    assertThat(result.duration()).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aHangingTargetIsCutOffAtTheCheckTimeout() throws Exception {
    target.stubFor(get("/hang").willReturn(ok().withFixedDelay(30_000)));

    RunResult result =
        run(
            config(DEFAULTS),
            onlySuites("hang"),
            """
            name: hang
            checks:
              - name: hangs
                timeout: 500ms
                http: {path: /hang}
            """);

    CheckResult check = resultOf(result, "hang/hangs");
    assertThat(check.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(check.message()).contains("500ms");
    assertThat(result.duration()).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void failFastSkipsTheChecksAfterTheFirstFailure() throws Exception {
    target.stubFor(get("/ok").willReturn(ok()));
    StagewatchConfig config = config(DEFAULTS);

    RunResult result =
        new Runner(
                config,
                suites(
                    config,
                    """
                    name: failfast
                    checks:
                      - name: first passes
                        http: {path: /ok}
                      - name: second fails
                        http: {path: /missing}
                      - name: third
                        http: {path: /ok}
                      - name: fourth
                        http: {path: /ok}
                    """),
                new RunOptions(null, List.of("failfast"), 1, true, List.of(), "test", null),
                WALL)
            .run(new Recorder());

    assertThat(result.checks())
        .extracting(CheckResult::status)
        .containsExactly(
            CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.SKIPPED, CheckStatus.SKIPPED);
    assertThat(result.checks().get(2).message())
        .isEqualTo("not run: the run stopped at the first failure");
    assertThat(result.checks().get(2).attempts()).isZero();
    target.verify(1, getRequestedFor(urlEqualTo("/ok")));
  }

  private static final String UNRESOLVED =
      """
      name: vars
      checks:
        - name: build header
          http: {path: /ok, headers: {X-Build: "${BUILD_ID}"}}
        - name: item
          http: {path: "/items/${ITEM_ID}"}
      """;

  private static final String CLEAN =
      """
      name: clean
      checks:
        - name: home
          http: {path: /ok}
      """;

  @Test
  void aSelectedCheckWithUnsetVariablesRefusesTheRunBeforeAnyRequest() throws Exception {
    StagewatchConfig config = config(DEFAULTS);
    Runner runner =
        new Runner(config, suites(config, UNRESOLVED, CLEAN), onlySuites("vars", "clean"), WALL);
    Recorder recorder = new Recorder();

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> runner.run(recorder));

    assertThat(e).isNotNull();
    assertThat(e.problems())
        .extracting(ConfigProblem::message)
        .containsExactly(
            "environment variable BUILD_ID is not set and has no default",
            "environment variable ITEM_ID is not set and has no default");
    assertThat(target.getAllServeEvents()).isEmpty();
    assertThat(recorder.events).isEmpty();
  }

  @Test
  void unselectedChecksWithUnsetVariablesDoNotStopTheRun() throws Exception {
    target.stubFor(get("/ok").willReturn(ok()));

    RunResult result = run(config(DEFAULTS), onlySuites("clean"), UNRESOLVED, CLEAN);

    assertThat(result.checks())
        .extracting(CheckResult::id, CheckResult::status)
        .containsExactly(tuple("clean/home", CheckStatus.PASSED));
  }

  private static final String ECHO =
      """
      name: echo
      checks:
        - name: echoes
          http: {path: /echo}
          expect: {status: 200}
      """;

  private void stubEcho() {
    target.stubFor(
        get("/echo")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "rejected {{request.headers.Authorization}}"
                            + " (token {{request.headers.X-Token}})")
                    .withTransformers("response-template")));
  }

  @Test
  void aRegisteredSecretHeaderNeverShowsInAMessage() throws Exception {
    stubEcho();
    Map<String, String> headers = Map.of("Authorization", "Bearer tok-5ecret-42");
    StagewatchConfig config =
        withDefaults(StagewatchConfig.of(staging(headers), Path.of("suites")), DEFAULTS);

    RunResult result = run(config, onlySuites("echo"), ECHO);

    CheckResult check = resultOf(result, "echo/echoes");
    assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(check.message())
        .startsWith("expected status 200, got 401")
        .contains("rejected ***")
        .doesNotContain("tok-5ecret-42");
    target.verify(
        getRequestedFor(urlEqualTo("/echo"))
            .withHeader("Authorization", equalTo("Bearer tok-5ecret-42")));
  }

  @Test
  void aTokenFromTheEnvironmentNeverShowsInAMessage() throws Exception {
    stubEcho();
    Path file =
        Files.writeString(
            dir.resolve("stagewatch.yaml"),
            """
            environments:
              staging:
                baseUrl: %s
                headers:
                  Authorization: Bearer ${STAGING_TOKEN}
            """
                .formatted(target.baseUrl()));
    Files.createDirectories(dir.resolve("suites"));
    StagewatchConfig loaded =
        new ConfigLoader(Map.of("STAGING_TOKEN", "tok-from-env-77")).load(file, null);
    StagewatchConfig config = withDefaults(loaded, DEFAULTS);

    RunResult result = run(config, onlySuites("echo"), ECHO);

    CheckResult check = resultOf(result, "echo/echoes");
    assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(check.message()).contains("rejected ***").doesNotContain("tok-from-env-77");
  }

  @Test
  void resultsAreInPlanOrderAndListenersHearEveryEvent() throws Exception {
    target.stubFor(get("/late").willReturn(ok().withFixedDelay(400)));
    target.stubFor(get("/ok").willReturn(ok()));
    StagewatchConfig config = config(DEFAULTS);
    List<SuiteDefinition> suites =
        suites(
            config,
            """
            name: order
            checks:
              - name: late
                http: {path: /late}
              - name: quick
                http: {path: /ok}
              - name: missing
                http: {path: /missing}
            """,
            CLEAN);
    Runner runner = new Runner(config, suites, onlySuites("order", "clean"), WALL);
    Recorder recorder = new Recorder();

    List<String> planned = runner.plan().stream().map(PlannedCheck::id).toList();
    RunResult result = runner.run(recorder);

    assertThat(planned).containsExactly("order/late", "order/quick", "order/missing", "clean/home");
    assertThat(result.checks()).extracting(CheckResult::id).containsExactlyElementsOf(planned);
    assertThat(recorder.planned).isEqualTo(4);
    assertThat(recorder.events)
        .hasSize(7)
        .startsWith("runStarted")
        .containsOnlyOnce("waitingOnNetwork")
        .endsWith("runFinished");
    assertThat(recorder.finishedIds()).containsExactlyInAnyOrderElementsOf(planned);
    assertThat(recorder.finishedIds().get(3)).isEqualTo("order/late");
    assertThat(recorder.result).isEqualTo(result);
    assertThat(result.info().environment()).isEqualTo("staging");
    assertThat(result.info().trigger()).isEqualTo("test");
  }
}
