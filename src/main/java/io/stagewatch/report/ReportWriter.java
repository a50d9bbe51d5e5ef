package io.stagewatch.report;

import io.stagewatch.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes report files into a directory. Each file is written to a temporary file beside it and then
 * moved into place, so that a reader (a CI server, a dashboard polling the directory) sees either
 * the previous file or the complete new one, never half of one.
 */
public final class ReportWriter {
  private final List<ReportFile> files;

  /** Writes every file in {@link ReportFiles#all()}. */
  public ReportWriter() {
    this(ReportFiles.all());
  }

  public ReportWriter(List<ReportFile> files) {
    this.files = List.copyOf(files);
  }

  /**
   * Creates {@code dir} if needed and writes every report file into it, replacing older ones.
   *
   * @return the paths written, in the order of the files
   * @throws IOException when the directory or a file cannot be written
   */
  public List<Path> write(RunResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>(files.size());
    for (ReportFile file : files) {
      Path target = dir.resolve(file.fileName());
      writeAtomically(target, file.render(result));
      written.add(target);
    }
    return List.copyOf(written);
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    // Same directory as the target: a move across file systems could not be atomic.
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
