package io.stagewatch.suite;

import io.stagewatch.check.Capture;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.config.RetryConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One check of a suite, validated and with the defaults applied.
 *
 * @param tags the suite's tags followed by the check's own
 * @param unresolved unset variables the check refers to: it can be listed, but running it is a
 *     configuration error
 * @param captures the values it takes from its response for the later checks of its suite
 * @param uses the captured values it refers to, each by name and the check that captures it
 */
public record CheckDefinition(
    String suite,
    String name,
    List<String> tags,
    String kind,
    Duration timeout,
    RetryConfig retry,
    CheckSpec spec,
    Location location,
    List<ConfigProblem> unresolved,
    List<Capture> captures,
    Map<String, String> uses) {

  public CheckDefinition {
    tags = List.copyOf(tags);
    unresolved = List.copyOf(unresolved);
    captures = List.copyOf(captures);
    uses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(uses));
  }

  /** A check that captures nothing and refers to no captured value. */
  public CheckDefinition(
      String suite,
      String name,
      List<String> tags,
      String kind,
      Duration timeout,
      RetryConfig retry,
      CheckSpec spec,
      Location location,
      List<ConfigProblem> unresolved) {
    this(suite, name, tags, kind, timeout, retry, spec, location, unresolved, List.of(), Map.of());
  }

  /** The same check carried out by another spec, such as one with captured values filled in. */
  public CheckDefinition withSpec(CheckSpec other) {
    return new CheckDefinition(
        suite, name, tags, kind, timeout, retry, other, location, unresolved, captures, uses);
  }

  /** {@code <suite>/<name>}: how reports and the store name the check. */
  public String id() {
    return suite + "/" + name;
  }
}
