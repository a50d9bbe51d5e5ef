package io.stagewatch.suite;

import org.junit.platform.engine.UniqueId;

/** A YAML suite as a JUnit container. */
final class SuiteDescriptor extends YamlDescriptor {
  private final boolean sequential;

  SuiteDescriptor(UniqueId parent, SuiteDefinition suite, NodeParts parts) {
    super(
        parent.append(StagewatchTestEngine.SUITE_SEGMENT, suite.name()),
        suite.name(),
        suite.location(),
        suite.tags(),
        parts);
    this.sequential = suite.sequential();
  }

  /**
   * Whether its checks run one after another, in order (see {@link SuiteDefinition#sequential}).
   */
  boolean sequential() {
    return sequential;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
