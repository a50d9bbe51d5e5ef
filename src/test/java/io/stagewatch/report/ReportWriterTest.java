package io.stagewatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewatch.run.RunResult;
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

  @Test
  void everyReportFileIsWrittenIntoANewDirectory() throws IOException {
    Path dir = tmp.resolve("reports/run-42");

    List<Path> written = new ReportWriter().write(SampleRuns.mixed(), dir);

    assertThat(written)
        .containsExactly(
            dir.resolve("junit.xml"),
            dir.resolve("result.json"),
            dir.resolve("summary.md"),
            dir.resolve("signal.json"),
            dir.resolve("metrics.prom"),
            dir.resolve("report.html"));
    assertThat(listing(dir))
        .containsExactlyInAnyOrder(
            "junit.xml", "result.json", "summary.md", "signal.json", "metrics.prom", "report.html");
  }

  @Test
  void eachFileHoldsWhatItsReportRenders() throws IOException {
    new ReportWriter().write(SampleRuns.mixed(), tmp);

    for (ReportFile file : ReportFiles.all()) {
      assertThat(Files.readString(tmp.resolve(file.fileName()), StandardCharsets.UTF_8))
          .isEqualTo(file.render(SampleRuns.mixed()));
    }
  }

  @Test
  void olderFilesAreReplacedAndNoTemporaryFileIsLeft() throws IOException {
    Files.writeString(tmp.resolve("summary.md"), "an older and much longer summary ".repeat(100));

    new ReportWriter().write(SampleRuns.allPassed(), tmp);

    assertThat(Files.readString(tmp.resolve("summary.md")))
        .startsWith("# stagewatch on staging: **PASSED**");
    assertThat(listing(tmp))
        .containsExactlyInAnyOrder(
            "junit.xml", "result.json", "summary.md", "signal.json", "metrics.prom", "report.html");
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

    assertThatThrownBy(() -> new ReportWriter().write(SampleRuns.mixed(), notADir))
        .isInstanceOf(IOException.class);
  }

  @Test
  void theRegistryListsEachFileNameOnce() {
    assertThat(ReportFiles.all())
        .extracting(ReportFile::fileName)
        .containsExactly(
            "junit.xml", "result.json", "summary.md", "signal.json", "metrics.prom", "report.html");
  }

  private static ReportFile file(String name, String content) {
    return new ReportFile() {
      @Override
      public String fileName() {
        return name;
      }

      @Override
      public String render(RunResult result) {
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
