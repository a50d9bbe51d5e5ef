package io.stagewatch.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while loading so that all of them can be reported at once. */
public final class Problems {
  private final List<ConfigProblem> list = new ArrayList<>();

  public void add(Location location, String key, String message) {
    list.add(new ConfigProblem(location, key, message));
  }

  public int size() {
    return list.size();
  }

  /** The problems collected so far, in the order they were found. */
  public List<ConfigProblem> all() {
    return List.copyOf(list);
  }

  /** Throws a {@link ConfigException} with every problem collected so far, if there is any. */
  public void throwIfAny() throws ConfigException {
    if (!list.isEmpty()) {
      List<ConfigProblem> sorted = new ArrayList<>(list);
      sorted.sort(
          Comparator.comparing((ConfigProblem p) -> p.location().file())
              .thenComparingInt(p -> p.location().line())
              .thenComparingInt(p -> p.location().column()));
      throw new ConfigException(sorted);
    }
  }
}
