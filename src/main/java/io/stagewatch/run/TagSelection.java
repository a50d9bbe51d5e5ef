package io.stagewatch.run;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;

/**
 * The platform's tag filter for a tag expression, asked once per distinct set of tags. It judges
 * each test on its own and formats a reason each time, while the checks of a run share a handful of
 * tag sets: with thousands of checks that is measurable work for the same few answers.
 */
final class TagSelection implements PostDiscoveryFilter {
  private final PostDiscoveryFilter tags;
  private final Map<Set<TestTag>, FilterResult> bySet = new ConcurrentHashMap<>();

  /**
   * @throws org.junit.platform.commons.PreconditionViolationException when {@code expression} is
   *     not a valid tag expression
   */
  TagSelection(String expression) {
    this.tags = TagFilter.includeTags(expression);
  }

  @Override
  public FilterResult apply(TestDescriptor descriptor) {
    // The platform's filter reads nothing of a test but its tags. A descriptor hands out either a
    // fresh set or one that never changes, so the set itself serves as the key.
    return bySet.computeIfAbsent(descriptor.getTags(), set -> tags.apply(descriptor));
  }
}
