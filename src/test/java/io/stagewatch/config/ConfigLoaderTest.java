package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Files.createDirectories(dir.resolve("suites"));
    return Files.writeString(dir.resolve("stagewatch.yaml"), yaml);
  }

  private List<String> problems(String yaml, Map<String, String> env) throws IOException {
    Path file = write(yaml);
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(env).load(file, null));
    assertThat(e).as("expected the config to be rejected").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void theSpecExampleLoadsWithItsVariablesSet() throws Exception {
    Path file = write(SpecExample.YAML);
    StagewatchConfig config = new ConfigLoader(SpecExample.VARIABLES).load(file, null);

    assertThat(config.project()).isEqualTo("shop");
    assertThat(config.environment().name()).isEqualTo("staging");
    assertThat(config.environment().baseUrl().toString()).isEqualTo("https://staging.example.com");
    assertThat(config.environment().headers()).containsEntry("Authorization", "Bearer tok-123456");
    assertThat(config.environment().databases().get("main").url())
        .isEqualTo("jdbc:postgresql://db.internal:5432/app");
    assertThat(config.defaults().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.defaults().retry().attempts()).isEqualTo(3);
    assertThat(config.defaults().retry().backoff()).isEqualTo(2.0);
    assertThat(config.store().retentionDays()).isEqualTo(14);
    assertThat(config.notifications().slack()).isNotNull();
    assertThat(config.notifications().policy().reminderInterval()).isEqualTo(Duration.ofHours(24));
    assertThat(config.schedules()).hasSize(1);
    assertThat(config.readiness().threshold()).isEqualTo(90);
    assertThat(config.suitesDir()).isEqualTo(dir.resolve("suites"));
  }

  @Test
  void secretsFromTheConfigAreMaskedButOrdinaryValuesAreNot() throws Exception {
    Path file = write(SpecExample.YAML);
    StagewatchConfig config = new ConfigLoader(SpecExample.VARIABLES).load(file, null);

    String masked =
        config
            .secrets()
            .mask("auth=Bearer tok-123456 token=tok-123456 pw=db-pass-99 host=db.internal");
    assertThat(masked).isEqualTo("auth=*** token=*** pw=*** host=db.internal");
    assertThat(config.secrets().mask(SpecExample.VARIABLES.get("SLACK_WEBHOOK_URL")))
        .isEqualTo("***");
  }

  @Test
  void everyProblemIsReportedAtOnceWithFileLineColumnAndKey() throws IOException {
    List<String> problems =
        problems(
            """
            environments:
              staging:
                baseURL: http://x
            defaults:
              timeout: 10 seconds
              retry:
                attempts: many
            store:
              retentionDay: 3
            """,
            Map.of());

    assertThat(problems)
        .containsExactly(
            dir.resolve("stagewatch.yaml")
                + ":3:5: environments.staging.baseUrl: required key is missing",
            dir.resolve("stagewatch.yaml")
                + ":3:5: environments.staging.baseURL: unknown key (expected one of: auth,"
                + " baseUrl, databases, headers)",
            dir.resolve("stagewatch.yaml")
                + ":5:12: defaults.timeout: expected a duration such as 500ms, 10s, 5m or 24h, got"
                + " '10 seconds'",
            dir.resolve("stagewatch.yaml")
                + ":7:15: defaults.retry.attempts: expected a whole number, got 'many'",
            dir.resolve("stagewatch.yaml")
                + ":9:3: store.retentionDay: unknown key (expected one of: retentionDays, url)");
  }

  @Test
  void anUnsetVariableIsNamedButNoValueIsPrinted() throws IOException {
    List<String> problems =
        problems(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
                headers:
                  Authorization: Bearer ${STAGING_TOKEN}
            """,
            Map.of("STAGING_URL", "http://staging.test"));

    assertThat(problems)
        .containsExactly(
            dir.resolve("stagewatch.yaml")
                + ":5:22: environments.staging.headers.Authorization: environment variable"
                + " STAGING_TOKEN is not set and has no default");
    assertThat(String.join("\n", problems)).doesNotContain("staging.test");
  }

  @Test
  void defaultsFillUnsetVariables() throws Exception {
    Path file =
        write(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL:-http://localhost:8080}
                headers: {X-Literal: "$${NOT_A_VARIABLE}"}
            """);
    StagewatchConfig config = new ConfigLoader(Map.of()).load(file, null);

    assertThat(config.environment().baseUrl().toString()).isEqualTo("http://localhost:8080");
    assertThat(config.environment().headers()).containsEntry("X-Literal", "${NOT_A_VARIABLE}");
  }

  @Test
  void onlyTheSelectedEnvironmentNeedsItsVariables() throws Exception {
    Path file =
        write(
            """
            defaultEnvironment: staging
            environments:
              staging:
                baseUrl: http://staging.test
              production:
                baseUrl: ${PROD_URL}
                headers: {Authorization: "Bearer ${PROD_TOKEN}"}
            """);

    StagewatchConfig config = new ConfigLoader(Map.of()).load(file, null);
    assertThat(config.environment().name()).isEqualTo("staging");
    assertThat(config.environmentNames()).containsExactly("staging", "production");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader(Map.of()).load(file, "production"));
    assertThat(e.problems())
        .extracting(ConfigProblem::message)
        .contains(
            "environment variable PROD_URL is not set and has no default",
            "environment variable PROD_TOKEN is not set and has no default");
  }

  @Test
  void anUnknownEnvironmentIsAProblemThatListsTheKnownOnes() throws IOException {
    Path file =
        write(
            """
            environments:
              staging: {baseUrl: http://staging.test}
              qa: {baseUrl: http://qa.test}
            """);
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader(Map.of()).load(file, "prod"));
    assertThat(e.getMessage()).contains("no environment named 'prod' (defined: staging, qa)");
  }

  @Test
  void syntaxErrorsAndDuplicateKeysNameTheirLine() throws IOException {
    assertThat(problems("environments:\n  staging: [unclosed\n", Map.of()))
        .singleElement()
        .asString()
        .startsWith(dir.resolve("stagewatch.yaml") + ":")
        .contains("not valid YAML");
    assertThat(
            problems(
                """
                environments:
                  staging: {baseUrl: http://a.test}
                project: a
                project: b
                """,
                Map.of()))
        .containsExactly(dir.resolve("stagewatch.yaml") + ":4:1: project: duplicate key");
  }

  @Test
  void aMissingFileSaysHowToGiveOne() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> new ConfigLoader(Map.of()).load(dir.resolve("nope.yaml"), null));
    assertThat(e.getMessage()).contains("config file not found (give one with -c FILE)");
  }

  @Test
  void theSuitesFolderIsFoundBesideTheConfigFolderInTheProjectLayout() throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.createDirectories(dir.resolve("suites"));
    Path file =
        Files.writeString(
            dir.resolve("config/stagewatch.yaml"),
            "environments: {staging: {baseUrl: 'http://s.test'}}\n");

    assertThat(new ConfigLoader(Map.of()).load(file, null).suitesDir())
        .isEqualTo(dir.resolve("suites"));
  }

  @Test
  void readinessWeightsLeftOutKeepTheirDefaults() throws Exception {
    Path file =
        write(
            """
            environments: {staging: {baseUrl: http://localhost}}
            readiness:
              stagingGate: false
              weights: {coverage: 20, staging: 10}
            """);
    ReadinessConfig readiness = new ConfigLoader(Map.of()).load(file, null).readiness();

    assertThat(readiness.weights()).isEqualTo(new Weights(40, 20, 20, 10, 10));
    assertThat(readiness.stagingGate()).isFalse();
    assertThat(readiness.threshold()).isEqualTo(90);
  }

  @Test
  void aBadReadinessWeightIsNamed() throws IOException {
    List<String> problems =
        problems(
            """
            environments: {staging: {baseUrl: http://localhost}}
            readiness:
              weights: {ci: -1, lint: 5}
            """,
            Map.of());

    assertThat(String.join("\n", problems))
        .contains("readiness.weights.ci")
        .contains("readiness.weights.lint");
  }
}
