package io.stagewatch.check.sql;

import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckResources;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.DatabaseConfig;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.Interpolator;
import io.stagewatch.config.MapReader;
import io.stagewatch.config.Problems;
import io.stagewatch.config.Secrets;
import io.stagewatch.config.YamlNode;
import io.stagewatch.config.YamlTreeReader;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@code sql} check from the YAML of one suite entry, the way a suite file is read, and
 * runs it against an environment's databases with the run's shared resources.
 */
final class SqlCheck implements AutoCloseable {
  final Secrets secrets = new Secrets();
  final CheckResources resources = new CheckResources();
  private final Map<String, DatabaseConfig> databases = new LinkedHashMap<>();

  /** Adds a database as loading the config does: its password becomes a secret. */
  SqlCheck database(DatabaseConfig config) {
    if (config.password() != null) {
      secrets.add(config.password());
    }
    secrets.addJdbcUrl(config.url());
    databases.put(config.name(), config);
    return this;
  }

  CheckSpec read(String yaml) {
    Problems problems = new Problems();
    CheckSpec spec = readInto(yaml, problems);
    try {
      problems.throwIfAny();
    } catch (ConfigException e) {
      throw new AssertionError("the check has problems:\n" + e.getMessage(), e);
    }
    if (spec == null) {
      throw new AssertionError("the check was not usable, yet no problem was reported");
    }
    return spec;
  }

  List<String> problems(String yaml) {
    Problems problems = new Problems();
    CheckSpec spec = readInto(yaml, problems);
    try {
      problems.throwIfAny();
      throw new AssertionError("expected problems, but the check was read: " + spec);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
  }

  CheckOutcome run(String yaml, Duration timeout) throws Exception {
    return attempt(read(yaml), timeout);
  }

  CheckOutcome attempt(CheckSpec spec, Duration timeout) throws Exception {
    EnvironmentConfig environment =
        new EnvironmentConfig("staging", URI.create("http://localhost"), Map.of(), databases);
    return spec.attempt(CheckContext.start(environment, timeout, secrets, resources));
  }

  private CheckSpec readInto(String yaml, Problems problems) {
    YamlNode root = YamlTreeReader.read("suite.yaml", yaml, problems);
    if (root == null) {
      return null;
    }
    MapReader check =
        MapReader.of(root, "checks[0]", new Interpolator(Map.of(), secrets), problems);
    if (check == null) {
      return null;
    }
    MapReader sql = check.child("sql");
    if (sql == null) {
      throw new AssertionError("the YAML has no sql: map");
    }
    return new SqlCheckKind().read(sql, check.child("expect"));
  }

  @Override
  public void close() {
    resources.close();
  }
}
