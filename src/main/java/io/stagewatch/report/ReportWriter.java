package io.stagewatch.report;

import io.stagewatch.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

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
    String[] contents = render(context);
    List<Written> written = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      Path target = dir.resolve(files.get(i).fileName());
      writeAtomically(target, contents[i]);
      written.add(new Written(target, contents[i]));
    }
    return List.copyOf(written);
  }

  /**
   * Every file's content, rendered two at a time: this thread takes the files from the first, a
   * thread of its own from the last (the page, which for 2000 checks with their history takes as
   * long as all the others together), until none is left.
   */
  private String[] render(ReportContext context) {
    String[] contents = new String[files.size()];
    Deque<Integer> left = new ArrayDeque<>();
    for (int i = 0; i < files.size(); i++) {
      left.add(i);
    }
    FutureTask<@Nullable Void> fromLast =
        new FutureTask<>(
            () -> {
              renderEach(context, contents, () -> take(left, false));
              return null;
            });
    Thread.ofPlatform().daemon().name("stagewatch-report-render").start(fromLast);
    renderEach(context, contents, () -> take(left, true));
    try {
      fromLast.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the reports were rendered", e);
    }
    return contents;
  }

  private void renderEach(
      ReportContext context, String[] contents, Supplier<@Nullable Integer> next) {
    for (Integer i = next.get(); i != null; i = next.get()) {
      contents[i] = files.get(i).render(context);
    }
  }

  private static @Nullable Integer take(Deque<Integer> left, boolean first) {
    synchronized (left) {
      return first ? left.pollFirst() : left.pollLast();
    }
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
