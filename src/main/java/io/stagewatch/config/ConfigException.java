package io.stagewatch.config;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when the config or a suite has problems; it carries all of them, in file order. */
public final class ConfigException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
