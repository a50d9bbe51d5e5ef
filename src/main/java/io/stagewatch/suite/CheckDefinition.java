package io.stagewatch.suite;

import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.config.RetryConfig;
import java.time.Duration;
import java.util.List;

/**
 * One check of a suite, validated and with the defaults applied.
 *
 * @param tags the suite's tags followed by the check's own
 * @param unresolved unset variables the check refers to: it can be listed, but running it is a
 *     configuration error
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
    List<ConfigProblem> unresolved) {

  public CheckDefinition {
    tags = List.copyOf(tags);
    unresolved = List.copyOf(unresolved);
  }

  /** {@code <suite>/<name>}: how reports and the store name the check. */
  public String id() {
    return suite + "/" + name;
  }
}
