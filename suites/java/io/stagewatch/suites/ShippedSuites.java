package io.stagewatch.suites;

import java.util.List;
import java.util.Set;

/**
 * The Java suite classes of this package, named one by one, and the tags of their tests. The runner
 * selects these classes instead of the package: selecting a package makes the JUnit Platform open
 * the whole jar as a file system and scan it, which costs every run tens of milliseconds for a
 * handful of classes. Tests fail when these lists and the package disagree, so a new suite or tag
 * cannot be forgotten here.
 */
public final class ShippedSuites {
  /** Every class in this package that holds tests. */
  public static final List<Class<?>> CLASSES = List.of(OpenApiDocsSuite.class);

  /**
   * The tags of each test of {@link #CLASSES}, its class's included, as JUnit sees them: the runner
   * tells from these whether a tag expression selects any Java suite, without reading annotations.
   */
  public static final List<Set<String>> TEST_TAGS = List.of(Set.of("smoke", "api", "openapi"));

  private ShippedSuites() {}
}
