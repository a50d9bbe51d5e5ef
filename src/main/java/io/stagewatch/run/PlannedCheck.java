package io.stagewatch.run;

import java.util.List;

/**
 * A check selected for a run, as {@code list} shows it.
 *
 * @param kind {@code http}, {@code sql}, ... for YAML checks; {@code java} for Jupiter tests
 */
public record PlannedCheck(String id, String suite, String name, List<String> tags, String kind) {
  public PlannedCheck {
    tags = List.copyOf(tags);
  }
}
