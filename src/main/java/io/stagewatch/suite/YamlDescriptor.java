package io.stagewatch.suite;

import io.stagewatch.config.Location;
import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** A node from a suite file: its source is where it was written, its tags are its YAML tags. */
abstract class YamlDescriptor extends AbstractTestDescriptor {
  private final Set<TestTag> tags;

  YamlDescriptor(UniqueId id, String name, Location location, List<String> tags) {
    super(
        id,
        name,
        FileSource.from(
            new File(location.file()),
            FilePosition.from(Math.max(1, location.line()), Math.max(1, location.column()))));
    this.tags = tags.stream().map(TestTag::create).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public final Set<TestTag> getTags() {
    return tags;
  }
}
