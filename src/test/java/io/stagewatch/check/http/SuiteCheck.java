package io.stagewatch.check.http;

import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckResources;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.Interpolator;
import io.stagewatch.config.MapReader;
import io.stagewatch.config.Problems;
import io.stagewatch.config.Secrets;
import io.stagewatch.config.YamlNode;
import io.stagewatch.config.YamlTreeReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@code http} check from the YAML of one suite entry, the way a suite file is read, and
 * runs it against a target.
 */
final class SuiteCheck implements AutoCloseable {
  final Secrets secrets = new Secrets();
  private final CheckResources resources = new CheckResources();

  /** Reads a check, failing the test with the problems when it is not usable. */
  CheckSpec read(String yaml) {
    Problems problems = new Problems();
    CheckSpec spec = readInto(yaml, problems);
    try {
      problems.throwIfAny();
    } catch (io.stagewatch.config.ConfigException e) {
      throw new AssertionError("the check has problems:\n" + e.getMessage(), e);
    }
    if (spec == null) {
      throw new AssertionError("the check was not usable, yet no problem was reported");
    }
    return spec;
  }

  /** The problems reading a check reports, as {@code file:line:col: key: message}. */
  List<String> problems(String yaml) {
    Problems problems = new Problems();
    CheckSpec spec = readInto(yaml, problems);
    try {
      problems.throwIfAny();
      throw new AssertionError("expected problems, but the check was read: " + spec);
    } catch (io.stagewatch.config.ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
  }

  CheckOutcome attempt(CheckSpec spec, URI baseUrl, Duration timeout) throws Exception {
    return attempt(spec, environment(baseUrl, Map.of()), timeout);
  }

  CheckOutcome attempt(CheckSpec spec, EnvironmentConfig environment, Duration timeout)
      throws Exception {
    return spec.attempt(CheckContext.start(environment, timeout, secrets, resources));
  }

  /** An environment as loading the config makes it: its credential headers become secrets. */
  EnvironmentConfig environment(URI baseUrl, Map<String, String> headers) {
    headers.forEach(secrets::addHeader);
    return new EnvironmentConfig("staging", baseUrl, headers, Map.of());
  }

  private CheckSpec readInto(String yaml, Problems problems) {
    Interpolator interpolator = new Interpolator(Map.of(), secrets);
    YamlNode root = YamlTreeReader.read("suite.yaml", yaml, problems);
    if (root == null) {
      return null;
    }
    MapReader check = MapReader.of(root, "checks[0]", interpolator, problems);
    if (check == null) {
      return null;
    }
    MapReader http = check.child("http");
    MapReader expect = check.child("expect");
    if (http == null) {
      throw new AssertionError("the YAML has no http: map");
    }
    return new HttpCheckKind().read(http, expect);
  }

  @Override
  public void close() {
    resources.close();
  }
}
