package io.stagewatch.suite;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigLoader;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.DefaultsConfig;
import io.stagewatch.config.Interpolator;
import io.stagewatch.config.Location;
import io.stagewatch.config.Problems;
import io.stagewatch.config.SecretCollector;
import io.stagewatch.config.StagewatchConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The config and the suites it points at, loaded together so that all problems show at once. */
public record Workspace(StagewatchConfig config, List<SuiteDefinition> suites) {

  public Workspace {
    suites = List.copyOf(suites);
  }

  /** Where each YAML check is defined, by check id ({@code <suite>/<name>}). */
  public Map<String, Location> checkLocations() {
    Map<String, Location> where = new HashMap<>();
    for (SuiteDefinition suite : suites) {
      for (CheckDefinition check : suite.checks()) {
        where.put(check.id(), check.location());
      }
    }
    return where;
  }

  /**
   * Loads the config file and every suite in its suites directory.
   *
   * @param strict whether a check's unset variables are problems now (for {@code validate}); when
   *     false they are only refused if the check is selected to run
   */
  public static Workspace load(
      Path configFile, @Nullable String environment, Map<String, String> variables, boolean strict)
      throws ConfigException {
    StagewatchConfig config;
    try {
      config = new ConfigLoader(variables).load(configFile, environment);
    } catch (ConfigException e) {
      throw withSuiteProblems(e, configFile, variables);
    }
    Path dir = config.suitesDir();
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  Location.ofFile(configFile.toString()),
                  "suites",
                  "suites directory not found: " + dir)));
    }
    Problems problems = new Problems();
    List<SuiteSource> sources;
    try {
      sources = SuiteSource.fromDirectory(dir, configFile, problems);
    } catch (IOException e) {
      throw new ConfigException(
          List.of(new ConfigProblem(Location.ofFile(dir.toString()), "", "cannot be read: " + e)));
    }
    return fromSources(config, sources, variables, strict, problems);
  }

  /**
   * A config with problems still leaves the suites to check: report theirs too (read with the
   * default settings), so that one round of fixes is enough.
   */
  private static ConfigException withSuiteProblems(
      ConfigException configProblems, Path configFile, Map<String, String> variables) {
    Path dir = ConfigLoader.suitesDirectory(configFile, ConfigLoader.DEFAULT_SUITES);
    if (!Files.isDirectory(dir)) {
      return configProblems;
    }
    Problems problems = new Problems();
    configProblems.problems().forEach(p -> problems.add(p.location(), p.key(), p.message()));
    try {
      new SuiteLoader(DefaultsConfig.DEFAULT, new Interpolator(variables, new SecretCollector()))
          .load(SuiteSource.fromDirectory(dir, configFile, problems), problems);
      problems.throwIfAny();
    } catch (IOException e) {
      return configProblems;
    } catch (ConfigException all) {
      return all;
    }
    return configProblems;
  }

  /**
   * Loads suites from sources (files or the jar) against an already loaded config. The workspace's
   * config carries the config's secrets and those the suites brought (their credential headers and
   * secret variables), frozen.
   */
  public static Workspace fromSources(
      StagewatchConfig config,
      List<SuiteSource> sources,
      Map<String, String> variables,
      boolean strict)
      throws ConfigException {
    return fromSources(config, sources, variables, strict, new Problems());
  }

  /** Loads suites into {@code problems}, which may already hold the problems of reading them. */
  private static Workspace fromSources(
      StagewatchConfig config,
      List<SuiteSource> sources,
      Map<String, String> variables,
      boolean strict,
      Problems problems)
      throws ConfigException {
    SecretCollector secrets = new SecretCollector(config.secrets());
    Interpolator interpolator = new Interpolator(variables, secrets);
    List<SuiteDefinition> suites =
        new SuiteLoader(config.defaults(), interpolator).load(sources, problems);
    if (strict) {
      for (SuiteDefinition suite : suites) {
        for (CheckDefinition check : suite.checks()) {
          check.unresolved().forEach(p -> problems.add(p.location(), p.key(), p.message()));
        }
      }
    }
    problems.throwIfAny();
    return new Workspace(config.withSecrets(secrets.freeze()), suites);
  }
}
