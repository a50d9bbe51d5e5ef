package io.stagewatch.report;

import io.stagewatch.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes report files into a directory. Each file is written to a temporary file beside it and then
 * moved into place, so that a reader (a CI server, a dashboard polling the directory) sees either
 * the previous file or the complete new one, never half of one.
 */
public final class ReportWriter {
  private static final long PROCESS = ProcessHandle.current().pid();
  private static final AtomicLong WRITES = new AtomicLong();

  private final List<ReportFile> files;

  public ReportWriter(List<ReportFile> files) {
    this.files = List.copyOf(files);
  }

  /** A file written, and what was written into it. */
  public record Written(Path path, String content) {}

  /** Writes the files of the run alone (no store, no notices). */
  public List<Written> write(RunResult result, Path dir) throws IOException {
    return write(ReportContext.of(result), dir);
  }

  /**
   * Creates {@code dir} if needed and writes every report file into it, replacing older ones.
   *
   * @return the files written with their content, in the order of the files
   * @throws IOException when the directory or a file cannot be written
   */
  public List<Written> write(ReportContext context, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Written> written = new ArrayList<>(files.size());
    for (ReportFile file : files) {
      Path target = dir.resolve(file.fileName());
      String content = file.render(context);
      writeAtomically(target, content);
      written.add(new Written(target, content));
    }
    return List.copyOf(written);
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    // Same directory as the target: a move across file systems could not be atomic. The name is
    // unique to this process and write rather than random: Files.createTempFile draws it from a
    // SecureRandom, whose set-up is a cost a short run notices (CONTRIBUTING, Speed).
    Path temp =
        target.resolveSibling(
            "." + target.getFileName() + "." + PROCESS + "-" + WRITES.incrementAndGet() + ".tmp");
    try {
      Files.writeString(
          temp,
          content,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
