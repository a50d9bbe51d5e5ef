package io.stagewatch.check;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Interpolator;
import io.stagewatch.config.MapReader;
import io.stagewatch.config.Problems;
import io.stagewatch.config.SecretCollector;
import io.stagewatch.config.YamlNode;
import io.stagewatch.config.YamlTreeReader;
import java.util.List;
import java.util.Map;

/** Reads one check of a kind from YAML text, as a suite file would hold it, for kind tests. */
public final class CheckReader {
  private final CheckKind kind;
  private final SecretCollector secrets;

  /**
   * @param secrets where the secrets met while reading are collected, as loading a suite does
   */
  public CheckReader(CheckKind kind, SecretCollector secrets) {
    this.kind = kind;
    this.secrets = secrets;
  }

  /** Reads a check, failing the test with the problems when it is not usable. */
  public CheckSpec read(String yaml) {
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

  /** The problems reading a check reports, as {@code file:line:col: key: message}. */
  public List<String> problems(String yaml) {
    Problems problems = new Problems();
    CheckSpec spec = readInto(yaml, problems);
    try {
      problems.throwIfAny();
      throw new AssertionError("expected problems, but the check was read: " + spec);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
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
    MapReader spec = check.child(kind.key());
    if (spec == null) {
      throw new AssertionError("the YAML has no " + kind.key() + ": map");
    }
    return kind.read(spec, check.child("expect"));
  }
}
