package io.stagewatch.suite;

import java.io.File;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** A YAML suite as a JUnit container. */
final class SuiteDescriptor extends AbstractTestDescriptor {
  private final SuiteDefinition suite;

  SuiteDescriptor(UniqueId parent, SuiteDefinition suite) {
    super(
        parent.append(StagewatchTestEngine.SUITE_SEGMENT, suite.name()),
        suite.name(),
        FileSource.from(
            new File(suite.location().file()),
            FilePosition.from(Math.max(1, suite.location().line()))));
    this.suite = suite;
  }

  SuiteDefinition suite() {
    return suite;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  @Override
  public Set<TestTag> getTags() {
    return suite.tags().stream().map(TestTag::create).collect(Collectors.toUnmodifiableSet());
  }
}
