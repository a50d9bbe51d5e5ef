package io.stagewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubActionsTest {
  @TempDir Path tmp;

  @Test
  void theSummaryAndOutputsAreWrittenToTheFilesActionsNames() throws IOException {
    Path summary = tmp.resolve("step_summary.md");
    Path output = tmp.resolve("output.txt");

    GitHubActions.publish(SampleRuns.mixed(), "# summary\n", env(summary, output));

    assertThat(Files.readString(summary)).isEqualTo("# summary\n");
    assertThat(Files.readString(output)).isEqualTo("status=fail\npass_rate=0.6\nfailed=2\n");
  }

  @Test
  void bothFilesAreAppendedToNotOverwritten() throws IOException {
    Path summary = Files.writeString(tmp.resolve("step_summary.md"), "earlier step\n");
    Path output = Files.writeString(tmp.resolve("output.txt"), "other=1\n");

    GitHubActions.publish(SampleRuns.allPassed(), "# summary", env(summary, output));
    GitHubActions.publish(SampleRuns.allPassed(), "# again", env(summary, output));

    assertThat(Files.readString(summary)).isEqualTo("earlier step\n# summary\n# again\n");
    assertThat(Files.readString(output))
        .isEqualTo(
            "other=1\n"
                + "status=pass\npass_rate=1\nfailed=0\n"
                + "status=pass\npass_rate=1\nfailed=0\n");
  }

  @Test
  void outsideActionsNothingIsWritten() throws IOException {
    GitHubActions.publish(SampleRuns.mixed(), "# summary", Map.of("GITHUB_OUTPUT", " "));

    try (var files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }

  private static Map<String, String> env(Path summary, Path output) {
    return Map.of("GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_OUTPUT", output.toString());
  }
}
