package io.stagewatch.suite;

import io.stagewatch.config.Location;
import java.io.File;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** A node from a suite file: its source is where it was written, its tags are its YAML tags. */
abstract class YamlDescriptor extends AbstractTestDescriptor {
  private final Set<TestTag> tags;

  YamlDescriptor(UniqueId id, String name, Location location, Set<TestTag> tags) {
    super(
        id,
        name,
        FileSource.from(
            new File(location.file()),
            FilePosition.from(Math.max(1, location.line()), Math.max(1, location.column()))));
    this.tags = tags;
  }

  /** The platform's tags for a node's tag names (which the suite loader has validated). */
  static Set<TestTag> testTags(List<String> names) {
    Set<TestTag> tags = new LinkedHashSet<>();
    for (String name : names) {
      tags.add(TestTag.create(name));
    }
    return Collections.unmodifiableSet(tags);
  }

  @Override
  public final Set<TestTag> getTags() {
    return tags;
  }
}
