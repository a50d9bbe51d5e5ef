package io.stagewatch.check.http;

import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckReader;
import io.stagewatch.check.CheckResources;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.SecretCollector;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@code http} check from the YAML of one suite entry, the way a suite file is read, and
 * runs it against a target.
 */
final class SuiteCheck implements AutoCloseable {
  final SecretCollector secrets = new SecretCollector();
  private final CheckReader reader = new CheckReader(new HttpCheckKind(), secrets);
  private final CheckResources resources = new CheckResources();

  CheckSpec read(String yaml) {
    return reader.read(yaml);
  }

  List<String> problems(String yaml) {
    return reader.problems(yaml);
  }

  CheckOutcome attempt(CheckSpec spec, URI baseUrl, Duration timeout) throws Exception {
    return attempt(spec, environment(baseUrl, Map.of()), timeout);
  }

  CheckOutcome attempt(CheckSpec spec, EnvironmentConfig environment, Duration timeout)
      throws Exception {
    return spec.attempt(CheckContext.start(environment, timeout, secrets.freeze(), resources));
  }

  /** An environment as loading the config makes it: its credential headers become secrets. */
  EnvironmentConfig environment(URI baseUrl, Map<String, String> headers) {
    headers.forEach(secrets::addHeader);
    return new EnvironmentConfig("staging", baseUrl, headers, Map.of());
  }

  @Override
  public void close() {
    resources.close();
  }
}
