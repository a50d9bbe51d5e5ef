package io.stagewatch.report;

import io.stagewatch.run.Counts;
import io.stagewatch.run.RunResult;
import io.stagewatch.text.PassRate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hands a run to GitHub Actions: the summary shown on the workflow page and step outputs that later
 * steps can branch on. Outside Actions the variables are unset and nothing happens.
 */
public final class GitHubActions {
  public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";
  public static final String OUTPUT = "GITHUB_OUTPUT";

  private GitHubActions() {}

  /**
   * Appends {@code summaryMarkdown} to the file named by {@code GITHUB_STEP_SUMMARY} and the
   * outputs {@code status}, {@code pass_rate} and {@code failed} to the file named by {@code
   * GITHUB_OUTPUT}. Both files are shared by every step of the job, hence appending.
   *
   * @throws IOException when a file cannot be written
   */
  public static void publish(RunResult result, String summaryMarkdown, Map<String, String> env)
      throws IOException {
    if (path(env, STEP_SUMMARY) != null || path(env, OUTPUT) != null) {
      publish(summaryMarkdown, outputs(result), env);
    }
  }

  /**
   * Appends {@code summaryMarkdown} to the step summary and {@code outputs} ({@code name=value}
   * lines) to the step outputs, when running under Actions.
   *
   * @throws IOException when a file cannot be written
   */
  public static void publish(String summaryMarkdown, String outputs, Map<String, String> env)
      throws IOException {
    Path summary = path(env, STEP_SUMMARY);
    if (summary != null) {
      append(summary, summaryMarkdown.endsWith("\n") ? summaryMarkdown : summaryMarkdown + "\n");
    }
    Path output = path(env, OUTPUT);
    if (output != null) {
      append(output, outputs);
    }
  }

  static String outputs(RunResult result) {
    Counts counts = result.counts();
    return "status="
        + result.status().word()
        + "\npass_rate="
        + PassRate.ratio(counts)
        + "\nfailed="
        + (counts.failed() + counts.error())
        + "\n";
  }

  private static @Nullable Path path(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : Path.of(value.strip());
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(
        file,
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }
}
