package io.stagewatch.suite;

import io.stagewatch.config.Location;
import java.io.File;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * What the nodes of one discovery share, made once rather than per check: the platform's tags for
 * each distinct list of tag names (the checks of a suite mostly have the same), and the source of
 * each suite file ({@link FileSource#from} resolves the file's real path, a file-system call, so
 * each check's source is the file's with its own position).
 */
final class NodeParts {
  private final Map<List<String>, Set<TestTag>> tagSets = new HashMap<>();
  private final Map<String, FileSource> files = new HashMap<>();

  /** The platform's tags for tag names the suite loader has validated. */
  Set<TestTag> tags(List<String> names) {
    return tagSets.computeIfAbsent(names, NodeParts::testTags);
  }

  /** Where a node was written. */
  FileSource source(Location location) {
    FilePosition position =
        FilePosition.from(Math.max(1, location.line()), Math.max(1, location.column()));
    return files
        .computeIfAbsent(location.file(), file -> FileSource.from(new File(file)))
        .withPosition(position);
  }

  private static Set<TestTag> testTags(List<String> names) {
    Set<TestTag> tags = new LinkedHashSet<>();
    for (String name : names) {
      tags.add(TestTag.create(name));
    }
    return Collections.unmodifiableSet(tags);
  }
}
