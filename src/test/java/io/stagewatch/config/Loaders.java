package io.stagewatch.config;

import io.stagewatch.suite.SuiteLoader;
import io.stagewatch.suite.SuiteSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Feeds YAML documents to the real config and suite loaders and returns what they find wrong. */
final class Loaders {
  /** The variables the documents may use; the rest are unset. */
  static final Map<String, String> VARIABLES =
      Map.ofEntries(
          Map.entry("STAGING_URL", "https://staging.example.com"),
          Map.entry("STAGING_TOKEN", "tok-123456"),
          Map.entry("STAGING_DB_USER", "smoke"),
          Map.entry("STAGING_DB_PASSWORD", "db-pass-99"),
          Map.entry("SLACK_WEBHOOK_URL", "https://hooks.slack.test/services/T0/B0/secretpath"),
          Map.entry("SLACK_BOT_TOKEN", "xoxb-123456"),
          Map.entry("RETENTION_DAYS", "30"),
          Map.entry("EXPECTED_VERSION", "1.4.2"),
          Map.entry(
              "TEAMS_WORKFLOW_URL",
              "https://prod-01.westeurope.logic.azure.test/workflows/abc/triggers/manual/paths/invoke?sig=teamsSignature1"),
          Map.entry("HOOK_TOKEN", "hook-token-123456"),
          Map.entry("HOOK_SIGNING_SECRET", "signing-secret-123456"),
          Map.entry("PAGERDUTY_ROUTING_KEY", "R0UT1NGKEY123456"));

  /** A folder that {@code javaSuites.classpath} in the documents may name. */
  static final String CLASSES = "build/staging-classes";

  private Loaders() {}

  /**
   * Loads a config the way {@code -c project/config/stagewatch.yaml} does, beside a suites folder;
   * the problems, none when it loads.
   */
  static List<ConfigProblem> config(Path project, String yaml) throws IOException {
    Files.createDirectories(project.resolve("suites"));
    Files.createDirectories(project.resolve(CLASSES));
    Path file = Files.createDirectories(project.resolve("config")).resolve("stagewatch.yaml");
    Files.writeString(file, yaml);
    try {
      new ConfigLoader(VARIABLES).load(file, null);
      return List.of();
    } catch (ConfigException e) {
      return e.problems();
    }
  }

  /** Loads one suite file with the default {@code defaults:}; the problems, none when it loads. */
  static List<ConfigProblem> suite(String yaml) {
    Problems problems = new Problems();
    new SuiteLoader(DefaultsConfig.DEFAULT, new Interpolator(VARIABLES, new SecretCollector()))
        .load(List.of(new SuiteSource("suite.yaml", yaml)), problems);
    return problems.all();
  }
}
