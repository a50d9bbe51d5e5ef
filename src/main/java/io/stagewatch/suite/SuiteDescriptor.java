package io.stagewatch.suite;

import org.junit.platform.engine.UniqueId;

/** A YAML suite as a JUnit container. */
final class SuiteDescriptor extends YamlDescriptor {

  SuiteDescriptor(UniqueId parent, SuiteDefinition suite, NodeParts parts) {
    super(
        parent.append(StagewatchTestEngine.SUITE_SEGMENT, suite.name()),
        suite.name(),
        suite.location(),
        suite.tags(),
        parts);
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
