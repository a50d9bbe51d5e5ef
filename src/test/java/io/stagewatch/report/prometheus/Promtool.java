package io.stagewatch.report.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Prometheus's own parser and linter for the text format, {@code promtool check metrics} (Debian
 * package {@code prometheus}; {@code .ci/run} installs it). Where it is missing a test is skipped,
 * except in CI (the variable {@code CI} is set), where a skipped check would pass unnoticed.
 */
public final class Promtool {
  private Promtool() {}

  /**
   * Asserts that promtool parses {@code exposition} and finds no lint problem.
   *
   * @param tmp where the text is written for promtool to read
   */
  public static void assertClean(String exposition, Path tmp)
      throws IOException, InterruptedException {
    Path promtool = onPath("promtool");
    if (promtool == null && System.getenv("CI") != null) {
      fail("promtool is not installed, and CI is set: install the Debian package prometheus");
    }
    assumeTrue(promtool != null, "promtool is not installed");
    Path file = Files.writeString(tmp.resolve("metrics.prom"), exposition, StandardCharsets.UTF_8);
    Process check =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as("promtool check metrics: %s%n%s", output, exposition).isZero();
    assertThat(output).isBlank();
  }

  /**
   * Runs {@code promtool} with {@code args} and asserts it exits 0; returns what it printed.
   * Skipped where promtool is missing, unless CI is set.
   */
  public static String assertAccepts(String... args) throws IOException, InterruptedException {
    Path promtool = onPath("promtool");
    if (promtool == null && System.getenv("CI") != null) {
      fail("promtool is not installed, and CI is set: install the Debian package prometheus");
    }
    assumeTrue(promtool != null, "promtool is not installed");
    List<String> command = new ArrayList<>(List.of(promtool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("promtool %s: %s", String.join(" ", args), output).isZero();
    return output;
  }

  private static @Nullable Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
