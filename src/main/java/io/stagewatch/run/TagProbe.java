package io.stagewatch.run;

import java.util.HashSet;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** A test that is nothing but its tags, for the platform's tag filter to judge. */
final class TagProbe extends AbstractTestDescriptor {
  private final Set<TestTag> tags = new HashSet<>();

  /** Names that are not valid tags are left out, as the platform leaves them out of a test. */
  TagProbe(Set<String> names) {
    super(UniqueId.forEngine("probe"), "probe");
    for (String name : names) {
      if (TestTag.isValid(name)) {
        tags.add(TestTag.create(name));
      }
    }
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return tags;
  }
}
