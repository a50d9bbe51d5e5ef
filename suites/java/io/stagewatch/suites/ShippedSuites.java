package io.stagewatch.suites;

import java.util.List;

/**
 * The Java suite classes of this package, named one by one. The runner selects these classes
 * instead of the package: selecting a package makes the JUnit Platform open the whole jar as a file
 * system and scan it, which costs every run tens of milliseconds for a handful of classes. A test
 * fails when this list and the package disagree, so a new suite cannot be forgotten here.
 */
public final class ShippedSuites {
  /** Every class in this package that holds tests. */
  public static final List<Class<?>> CLASSES = List.of(OpenApiDocsSuite.class);

  private ShippedSuites() {}
}
