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
}
