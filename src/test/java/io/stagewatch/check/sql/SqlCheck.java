package io.stagewatch.check.sql;

import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckReader;
import io.stagewatch.check.CheckResources;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.DatabaseConfig;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.SecretCollector;
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
  final SecretCollector secrets = new SecretCollector();
  private final CheckReader reader = new CheckReader(new SqlCheckKind(), secrets);
  final CheckResources resources = new CheckResources();
  private final Map<String, DatabaseConfig> databases = new LinkedHashMap<>();

  /** Adds a database as loading the config does: its password becomes a secret. */
  SqlCheck database(DatabaseConfig config) {
    if (config.password() != null) {
      secrets.add(config.password());
    }
    secrets.addUrl("url", config.url());
    databases.put(config.name(), config);
    return this;
  }

  CheckSpec read(String yaml) {
    return reader.read(yaml);
  }

  List<String> problems(String yaml) {
    return reader.problems(yaml);
  }

  CheckOutcome run(String yaml, Duration timeout) throws Exception {
    return attempt(read(yaml), timeout);
  }

  CheckOutcome attempt(CheckSpec spec, Duration timeout) throws Exception {
    EnvironmentConfig environment =
        new EnvironmentConfig("staging", URI.create("http://localhost"), Map.of(), databases);
    return spec.attempt(CheckContext.start(environment, timeout, secrets.freeze(), resources));
  }

  @Override
  public void close() {
    resources.close();
  }
}
