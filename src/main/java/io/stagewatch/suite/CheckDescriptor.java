package io.stagewatch.suite;

import java.io.File;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** A YAML check as a JUnit test; its tags are the suite's and its own. */
public final class CheckDescriptor extends AbstractTestDescriptor {
  private final CheckDefinition check;

  CheckDescriptor(UniqueId parent, CheckDefinition check) {
    super(
        parent.append(StagewatchTestEngine.CHECK_SEGMENT, check.name()),
        check.name(),
        FileSource.from(
            new File(check.location().file()),
            FilePosition.from(Math.max(1, check.location().line()), check.location().column())));
    this.check = check;
  }

  public CheckDefinition check() {
    return check;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return check.tags().stream().map(TestTag::create).collect(Collectors.toUnmodifiableSet());
  }
}
