package io.stagewatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewatch.app.ReportFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path tmp;

  static final ReportWriter WRITER = new ReportWriter(ReportFiles.all());

  /** The registry's file names: the one list of them. */
  static List<String> names() {
    return ReportFiles.all().stream().map(ReportFile::fileName).toList();
  }

  @Test
  void everyReportFileIsWrittenIntoANewDirectory() throws IOException {
    Path dir = tmp.resolve("reports/run-42");

    List<ReportWriter.Written> written = WRITER.write(SampleRuns.mixed(), dir);

    assertThat(written)
        .extracting(ReportWriter.Written::path)
        .containsExactlyElementsOf(names().stream().map(dir::resolve).toList());
    assertThat(listing(dir)).containsExactlyInAnyOrderElementsOf(names());
  }

  @Test
  void eachFileHoldsWhatItsReportRenders() throws IOException {
    List<ReportWriter.Written> written = WRITER.write(SampleRuns.mixed(), tmp);

    for (ReportFile file : ReportFiles.all()) {
      String rendered = file.render(SampleRuns.mixed());
      assertThat(Files.readString(tmp.resolve(file.fileName()), StandardCharsets.UTF_8))
          .isEqualTo(rendered);
      assertThat(written)
          .filteredOn(w -> w.path().endsWith(file.fileName()))
          .singleElement()
          .extracting(ReportWriter.Written::content)
          .isEqualTo(rendered);
    }
  }

  @Test
  void olderFilesAreReplacedAndNoTemporaryFileIsLeft() throws IOException {
    Files.writeString(tmp.resolve("summary.md"), "an older and much longer summary ".repeat(100));

    WRITER.write(SampleRuns.allPassed(), tmp);

    assertThat(Files.readString(tmp.resolve("summary.md")))
        .startsWith("# stagewatch on staging: **PASSED**");
    assertThat(listing(tmp)).containsExactlyInAnyOrderElementsOf(names());
  }

  @Test
  void aFileThatCannotBeWrittenFailsTheWriteAndLeavesNoTemporaryFile() throws IOException {
    Files.createDirectories(tmp.resolve("blocked.txt"));
    ReportFile blocked = file("blocked.txt", "content");

    assertThatThrownBy(() -> new ReportWriter(List.of(blocked)).write(SampleRuns.mixed(), tmp))
        .isInstanceOf(IOException.class);
    assertThat(listing(tmp)).containsExactly("blocked.txt");
  }

  @Test
  void aDirectoryThatIsAFileFailsTheWrite() throws IOException {
    Path notADir = Files.writeString(tmp.resolve("reports"), "");

    assertThatThrownBy(() -> WRITER.write(SampleRuns.mixed(), notADir))
        .isInstanceOf(IOException.class);
  }

  @Test
  void theRegistryListsEachFileNameOnce() {
    assertThat(names()).doesNotHaveDuplicates().isNotEmpty();
  }

  private static ReportFile file(String name, String content) {
    return new ReportFile() {
      @Override
      public String fileName() {
        return name;
      }

      @Override
      public String render(ReportContext context) {
        return content;
      }
    };
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
