package io.stagewatch.run;

import java.util.List;
import java.util.Set;

/**
 * One Java suite compiled into the jar, as the build's index lists it.
 *
 * @param className the top-level class, which the runner selects by name
 * @param source its source file relative to the suites folder, with {@code /} between names, e.g.
 *     {@code java/io/stagewatch/suites/OpenApiDocsSuite.java}
 * @param testTags the tags of each of its tests (its class's included) as JUnit Jupiter discovers
 *     them; a parameterized test or a test factory counts as one test
 */
record IndexedSuite(String className, String source, List<Set<String>> testTags) {
  IndexedSuite {
    testTags = testTags.stream().map(Set::copyOf).toList();
  }
}
