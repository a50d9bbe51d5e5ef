package io.stagewatch.suite;

import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;

/** A YAML suite as a JUnit container. */
final class SuiteDescriptor extends YamlDescriptor {

  SuiteDescriptor(UniqueId parent, SuiteDefinition suite, Set<TestTag> tags) {
    super(
        parent.append(StagewatchTestEngine.SUITE_SEGMENT, suite.name()),
        suite.name(),
        suite.location(),
        tags);
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
