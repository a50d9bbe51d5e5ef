package io.stagewatch.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.DefaultsConfig;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.Interpolator;
import io.stagewatch.config.Location;
import io.stagewatch.config.Problems;
import io.stagewatch.config.RetryConfig;
import io.stagewatch.config.SecretCollector;
import io.stagewatch.config.StagewatchConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuiteLoaderTest {
  private static final RetryConfig DEFAULT_RETRY =
      new RetryConfig(2, Duration.ofMillis(50), 1.5, null, Duration.ofSeconds(10));
  private static final DefaultsConfig DEFAULTS =
      new DefaultsConfig(Duration.ofSeconds(3), DEFAULT_RETRY, 0);

  private static List<SuiteDefinition> load(SuiteSource... sources) throws ConfigException {
    Problems problems = new Problems();
    List<SuiteDefinition> suites =
        new SuiteLoader(DEFAULTS, new Interpolator(Map.of(), new SecretCollector()))
            .load(List.of(sources), problems);
    problems.throwIfAny();
    return suites;
  }

  private static List<String> problems(SuiteSource... sources) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(sources));
    assertThat(e).as("expected the suites to be rejected").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  private static SuiteSource file(String name, String yaml) {
    return new SuiteSource(name, yaml);
  }

  private static StagewatchConfig config() {
    return StagewatchConfig.of(
        new EnvironmentConfig("staging", URI.create("http://staging.test"), Map.of(), Map.of()),
        Path.of("suites"));
  }

  @Test
  void aValidSuiteMergesTagsNamesItsChecksAndAppliesDefaults() throws ConfigException {
    List<SuiteDefinition> suites =
        load(
            file(
                "shop.yaml",
                """
                name: shop
                description: the shop front
                tags: [smoke, web]
                checks:
                  - name: home page
                    tags: [slow]
                    http: {path: /}
                  - name: api
                    description: the api answers
                    tags: [smoke, api]
                    timeout: 750ms
                    retry: {attempts: 5, backoff: 3}
                    http: {path: /api}
                    expect: {status: 200}
                """));

    assertThat(suites).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("shop"));
    SuiteDefinition shop = suites.get(0);
    assertThat(shop.tags()).containsExactly("smoke", "web");
    assertThat(shop.location()).isEqualTo(new Location("shop.yaml", 1, 1));
    assertThat(shop.checks())
        .extracting(CheckDefinition::id)
        .containsExactly("shop/home page", "shop/api");

    CheckDefinition home = shop.checks().get(0);
    assertThat(home.suite()).isEqualTo("shop");
    assertThat(home.kind()).isEqualTo("http");
    assertThat(home.tags()).containsExactly("smoke", "web", "slow");
    assertThat(home.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(home.retry()).isEqualTo(DEFAULT_RETRY);
    assertThat(home.unresolved()).isEmpty();
    assertThat(home.location()).isEqualTo(new Location("shop.yaml", 5, 5));

    CheckDefinition api = shop.checks().get(1);
    assertThat(api.tags()).containsExactly("smoke", "web", "api");
    assertThat(api.timeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(api.retry())
        .isEqualTo(new RetryConfig(5, Duration.ofMillis(50), 3.0, null, Duration.ofSeconds(10)));
  }

  @Test
  void aPollingRetryOverridesTheDefaultAttempts() throws ConfigException {
    CheckDefinition check =
        load(file(
                "deploy.yaml",
                """
                    name: deploy
                    checks:
                      - name: live
                        retry: {until: 2m, every: 5s}
                        http: {path: /version}
                    """))
            .get(0)
            .checks()
            .get(0);

    assertThat(check.retry().polls()).isTrue();
    assertThat(check.retry().until()).isEqualTo(Duration.ofMinutes(2));
    assertThat(check.retry().every()).isEqualTo(Duration.ofSeconds(5));
    assertThat(check.retry().attempts()).isEqualTo(1);
  }

  @Test
  void duplicateCheckNamesInASuiteAreAProblemAtTheSecondName() {
    assertThat(
            problems(
                file(
                    "dup.yaml",
                    """
                    name: dup
                    checks:
                      - name: home
                        http: {path: /}
                      - name: home
                        http: {path: /other}
                    """)))
        .containsExactly(
            "dup.yaml:5:11: checks[1].name: duplicate check name 'home' in this suite");
  }

  @Test
  void duplicateSuiteNamesAcrossFilesPointAtTheFirstDefinition() {
    String suite =
        """
        name: shop
        checks:
          - name: home
            http: {path: /}
        """;
    assertThat(problems(file("a.yaml", suite), file("b.yaml", suite)))
        .containsExactly("b.yaml:1:1: name: suite 'shop' is also defined at a.yaml:1:1");
  }

  @Test
  void aCheckWithoutAKindIsAProblemNamingTheKinds() {
    assertThat(
            problems(
                file(
                    "nokind.yaml",
                    """
                    name: nokind
                    checks:
                      - name: nothing
                        expect: {status: 200}
                    """)))
        .containsExactly(
            "nokind.yaml:3:5: checks[0]: a check needs exactly one of: http, sql, tls, tcp, dns");
  }

  @Test
  void aKindWrittenAsAValueIsOneProblemShowingTheValue() {
    assertThat(
            problems(
                file(
                    "short.yaml",
                    """
                    name: short
                    checks:
                      - name: health
                        http: /health
                      - name: db
                        sql: [select 1]
                    """)))
        .containsExactly(
            "short.yaml:4:11: checks[0].http: expected a map of http settings, got '/health'",
            "short.yaml:6:10: checks[1].sql: expected a map of sql settings, got a list");
  }

  @Test
  void anHttpCheckWithoutPathOrUrlNamesBothKeys() {
    assertThat(
            problems(
                file(
                    "curl.yaml",
                    """
                    name: curl
                    checks:
                      - name: health
                        http: {get: /health}
                    """)))
        .contains(
            "curl.yaml:4:11: checks[0].http: expected path: (joined to the environment's baseUrl)"
                + " or url: (an absolute URL)");
  }

  @Test
  void aCheckWithTwoKindsIsAProblemNamingBoth() {
    assertThat(
            problems(
                file(
                    "two.yaml",
                    """
                    name: two
                    checks:
                      - name: both
                        http: {path: /health}
                        sql: {database: main}
                    """)))
        .containsExactly(
            "two.yaml:3:5: checks[0]: a check needs exactly one of: http, sql, tls, tcp, dns (found http, sql)");
  }

  @Test
  void anUnknownKindIsAnUnknownKey() {
    assertThat(
            problems(
                file(
                    "grpc.yaml",
                    """
                    name: grpc
                    checks:
                      - name: rpc
                        grpc: {service: health}
                    """)))
        .containsExactly(
            "grpc.yaml:3:5: checks[0]: a check needs exactly one of: http, sql, tls, tcp, dns",
            "grpc.yaml:4:5: checks[0].grpc: unknown key (expected one of: capture, description,"
                + " dns, expect, http, name, retry, sql, tags, tcp, timeout, tls)");
  }

  @Test
  void aCheckWithTheKindGivenTwiceIsADuplicateKey() {
    assertThat(
            problems(
                file(
                    "twice.yaml",
                    """
                    name: twice
                    checks:
                      - name: home
                        http: {path: /}
                        http: {path: /again}
                    """)))
        .containsExactly("twice.yaml:5:5: http: duplicate key");
  }

  @Test
  void unknownKeysInSuiteAndCheckListTheAllowedOnes() {
    assertThat(
            problems(
                file(
                    "typos.yaml",
                    """
                    name: typos
                    owner: team-a
                    checks:
                      - name: home
                        retries: 3
                        http: {path: /}
                    """)))
        .containsExactly(
            "typos.yaml:2:1: owner: unknown key (expected one of: checks, description, name,"
                + " tags)",
            "typos.yaml:5:5: checks[0].retries: unknown key (expected one of: capture,"
                + " description, expect, http, name, retry, tags, timeout)");
  }

  @Test
  void anInvalidTagIsAProblemInSuiteAndCheck() {
    assertThat(
            problems(
                file(
                    "tags.yaml",
                    """
                    name: tags
                    tags: ["has space"]
                    checks:
                      - name: home
                        tags: [ok, "a|b"]
                        http: {path: /}
                    """)))
        .containsExactly(
            "tags.yaml:2:8: tags[0]: 'has space' is not a valid tag (no blanks, commas, ( ) & | or"
                + " !)",
            "tags.yaml:5:16: checks[0].tags[1]: 'a|b' is not a valid tag (no blanks, commas, ( ) &"
                + " | or !)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          suite without name   | 'checks: [{name: a, http: {path: /}}]'   | x.yaml:1:1: name: required key is missing
          suite without checks | 'name: s'                                | x.yaml:1:1: checks: required key is missing
          check without name   | 'name: s\nchecks: [{http: {path: /}}]'   | x.yaml:2:10: checks[0].name: required key is missing
          """)
  void aMissingRequiredKeyIsAProblem(String what, String yaml, String problem) {
    assertThat(problems(file("x.yaml", yaml.replace("\\n", "\n")))).containsExactly(problem);
  }

  @Test
  void everyProblemOfTwoBadFilesIsReportedAtOnceInFileOrder() {
    List<String> problems =
        problems(
            file(
                "b.yaml",
                """
                name: b
                checks:
                  - name: x
                    timeout: soon
                    http: {path: nope}
                """),
            file(
                "a.yaml",
                """
                name: a
                colour: red
                checks:
                  - http: {path: /}
                """));

    assertThat(problems)
        .containsExactly(
            "a.yaml:2:1: colour: unknown key (expected one of: checks, description, name, tags)",
            "a.yaml:4:5: checks[0].name: required key is missing",
            "b.yaml:4:14: checks[0].timeout: expected a duration such as 500ms, 10s, 5m or 24h,"
                + " got 'soon'",
            "b.yaml:5:18: checks[0].http.path: expected a path starting with /, got 'nope'");
  }

  @Test
  void anUnsetVariableIsRecordedOnTheCheckWhenLenient() throws ConfigException {
    Workspace workspace =
        Workspace.fromSources(
            config(),
            List.of(
                file(
                    "deploy.yaml",
                    """
                    name: deploy
                    checks:
                      - name: version
                        http: {path: /version, headers: {X-Build: "${BUILD_ID}"}}
                        expect: {json: {$.version: "${EXPECTED_VERSION}"}}
                      - name: home
                        http: {path: /}
                    """)),
            Map.of("BUILD_ID", "b-7"),
            false);

    List<CheckDefinition> checks = workspace.suites().get(0).checks();
    assertThat(checks).extracting(CheckDefinition::name).containsExactly("version", "home");
    assertThat(checks.get(0).unresolved())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "deploy.yaml:5:32: checks[0].expect.json.$.version: environment variable"
                + " EXPECTED_VERSION is not set and has no default");
    assertThat(checks.get(1).unresolved()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          in a header         | 'http: {path: /, headers: {X-Token: "${DEPLOY_TOKEN}"}}'
          in the path         | 'http: {path: "/items/${ITEM_ID}"}'
          as the whole path   | 'http: {path: "${HEALTH_PATH}"}'
          as the url          | 'http: {url: "${HEALTH_URL}"}'
          in an expectation   | 'http: {path: /}\n    expect: {bodyContains: "${MARKER}"}'
          as the status       | 'http: {path: /}\n    expect: {status: "${STATUS}"}'
          as the timeout      | 'http: {path: /}\n    timeout: "${TIMEOUT}"'
          """)
  void anUnsetVariableAnywhereInACheckLeavesItLoadableButNotValid(String where, String check)
      throws ConfigException {
    String yaml = "name: vars\nchecks:\n  - name: c\n    " + check.replace("\\n", "\n") + "\n";
    String variable = check.replaceAll("(?s).*\\$\\{([A-Z_]+)}.*", "$1");

    Workspace lenient =
        Workspace.fromSources(config(), List.of(file("vars.yaml", yaml)), Map.of(), false);
    assertThat(lenient.suites().get(0).checks())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.unresolved())
                    .extracting(ConfigProblem::message)
                    .containsExactly(
                        "environment variable " + variable + " is not set and has no default"));

    ConfigException strict =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                Workspace.fromSources(config(), List.of(file("vars.yaml", yaml)), Map.of(), true));
    assertThat(strict).isNotNull();
    assertThat(strict.problems())
        .extracting(ConfigProblem::message)
        .containsExactly("environment variable " + variable + " is not set and has no default");
  }

  @Test
  void theStrictProblemNamesTheVariableButNeverAValue() {
    String yaml =
        """
        name: secret
        checks:
          - name: c
            http:
              path: /
              headers: {Authorization: "Bearer ${STAGING_TOKEN}", X-Other: "${OTHER}"}
        """;
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                Workspace.fromSources(
                    config(),
                    List.of(file("secret.yaml", yaml)),
                    Map.of("STAGING_TOKEN", "tok-s3cr3t"),
                    true));

    assertThat(e).isNotNull();
    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "secret.yaml:6:68: checks[0].http.headers.X-Other: environment variable OTHER is not"
                + " set and has no default");
    assertThat(e.getMessage()).doesNotContain("tok-s3cr3t").doesNotContain("Bearer");
  }

  @Test
  void aRealProblemBesideAnUnsetVariableIsStillReported() {
    assertThat(
            problems(
                file(
                    "mixed.yaml",
                    """
                    name: mixed
                    checks:
                      - name: c
                        http: {path: "${HEALTH_PATH}", colour: red}
                    """)))
        .containsExactly(
            "mixed.yaml:4:36: checks[0].http.colour: unknown key (expected one of: body, headers,"
                + " insecure, method, path, url)");
  }

  @Test
  void aCheckNamedByAnUnsetVariableIsAProblemRatherThanLeftOut() {
    assertThat(
            problems(
                file(
                    "named.yaml",
                    """
                    name: named
                    checks:
                      - name: "${CHECK_NAME}"
                        http: {path: /}
                    """)))
        .containsExactly(
            "named.yaml:3:11: checks[0].name: environment variable CHECK_NAME is not set and has"
                + " no default");
  }
}
