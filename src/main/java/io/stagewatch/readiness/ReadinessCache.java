package io.stagewatch.readiness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/**
 * The last readiness result, kept in {@code .stagewatch/readiness.json} beside the default store so
 * that the next evaluation can show its trend. A file that is missing or unreadable just means
 * there is no previous result: the trend is a nicety, not worth failing a release gate over.
 */
public final class ReadinessCache {
  public static final String FILE = ".stagewatch/readiness.json";

  private final Path file;

  public ReadinessCache(Path baseDir) {
    this.file = baseDir.resolve(FILE);
  }

  public Path file() {
    return file;
  }

  public ReadinessResult.@Nullable Previous previous() {
    try {
      return Files.isRegularFile(file)
          ? ReadinessJson.previous(Files.readString(file, StandardCharsets.UTF_8))
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Replaces the cached result, atomically so that a concurrent reader never sees half of it. */
  public void save(ReadinessResult result) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".readiness", ".tmp");
    try {
      Files.writeString(temp, ReadinessJson.render(result), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
