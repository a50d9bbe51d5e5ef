package io.stagewatch.suite;

import org.junit.platform.engine.UniqueId;

/** A YAML check as a JUnit test; its tags are the suite's and its own. */
public final class CheckDescriptor extends YamlDescriptor {
  private final CheckDefinition check;

  CheckDescriptor(UniqueId parent, CheckDefinition check, NodeParts parts) {
    super(
        parent.append(StagewatchTestEngine.CHECK_SEGMENT, check.name()),
        check.name(),
        check.location(),
        check.tags(),
        parts);
    this.check = check;
  }

  public CheckDefinition check() {
    return check;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }
}
