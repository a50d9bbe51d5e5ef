package io.stagewatch.suite;

import io.stagewatch.config.Location;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** A node from a suite file: its source is where it was written, its tags are its YAML tags. */
abstract class YamlDescriptor extends AbstractTestDescriptor {
  private final Set<TestTag> tags;

  YamlDescriptor(UniqueId id, String name, Location location, List<String> tags, NodeParts parts) {
    super(id, name, parts.source(location));
    this.tags = parts.tags(tags);
  }

  @Override
  public final Set<TestTag> getTags() {
    return tags;
  }
}
