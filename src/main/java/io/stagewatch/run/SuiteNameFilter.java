package io.stagewatch.run;

import io.stagewatch.suite.StagewatchTestEngine;
import java.util.Set;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps the tests of the named suites: a YAML suite by its name, a Java suite by its class's simple
 * name.
 */
final class SuiteNameFilter implements PostDiscoveryFilter {
  private final Set<String> names;

  SuiteNameFilter(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  @Override
  public FilterResult apply(TestDescriptor descriptor) {
    for (TestDescriptor d = descriptor; d != null; d = d.getParent().orElse(null)) {
      String name = suiteName(d);
      if (name != null && names.contains(name)) {
        return FilterResult.included("suite " + name + " selected");
      }
    }
    return FilterResult.excluded("suite not selected");
  }

  private static @org.jspecify.annotations.Nullable String suiteName(TestDescriptor d) {
    if (d.getUniqueId().getLastSegment().getType().equals(StagewatchTestEngine.SUITE_SEGMENT)) {
      return d.getUniqueId().getLastSegment().getValue();
    }
    TestSource source = d.getSource().orElse(null);
    String className =
        source instanceof ClassSource c
            ? c.getClassName()
            : source instanceof MethodSource m ? m.getClassName() : null;
    return className == null ? null : className.substring(className.lastIndexOf('.') + 1);
  }
}
