package io.stagewatch.suite;

import io.stagewatch.config.Location;
import java.util.List;

/** A YAML suite: a named, tagged list of checks. */
public record SuiteDefinition(
    String name, List<String> tags, List<CheckDefinition> checks, Location location) {

  public SuiteDefinition {
    tags = List.copyOf(tags);
    checks = List.copyOf(checks);
  }

  /**
   * Whether its checks run one after another, in order: when one captures a value, so that the
   * checks after it can use it.
   */
  public boolean sequential() {
    return checks.stream().anyMatch(check -> !check.captures().isEmpty());
  }
}
