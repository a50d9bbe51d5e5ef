package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code validate}, {@code list}, {@code demo}, help and version through the real entry point. */
class OtherCommandsTest {
  @TempDir Path dir;
  CliRun cli;
  String config;

  @BeforeEach
  void project() throws IOException {
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging: {baseUrl: "http://127.0.0.1:9"}
                """)
            .suite(
                "health.yaml",
                """
                name: health
                tags: [smoke]
                checks:
                  - name: health
                    http: {path: /health}
                  - name: slow report
                    tags: [slow]
                    http: {path: /report}
                  - name: deploy version
                    tags: [deploy]
                    http: {path: /version}
                    expect: {json: {$.version: "${EXPECTED_VERSION}"}}
                """);
    config = dir.resolve("config/stagewatch.yaml").toString();
    // The project declares the jar's Java suite: its source is in the project's suites folder.
    Path javaSuite = Path.of("suites/java/io/stagewatch/suites/OpenApiDocsSuite.java");
    Files.createDirectories(dir.resolve(javaSuite).getParent());
    Files.copy(javaSuite, dir.resolve(javaSuite));
  }

  @Test
  void validateNeedsTheVariablesOfEveryCheck() {
    assertThat(cli.run("validate", "-c", config)).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err)
        .contains("health.yaml:12:")
        .contains("environment variable EXPECTED_VERSION is not set");

    cli.env("EXPECTED_VERSION", "1.2.3");
    assertThat(cli.run("validate", "-c", config)).as(cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.out)
        .contains("OK:")
        .contains("2 suites with 4 checks: health, OpenApiDocsSuite");
  }

  @Test
  void listShowsTheSelectedChecksOfBothEnginesWithTheirTags() {
    assertThat(cli.run("list", "-c", config, "-t", "smoke & !slow")).isEqualTo(0);

    assertThat(cli.out)
        .contains("health\n")
        .containsPattern("health\\s+http\\s+smoke\n")
        .contains("deploy version")
        .doesNotContain("slow report")
        .contains("OpenApiDocsSuite")
        .contains("java")
        .contains("3 checks");
  }

  @Test
  void aCheckWithAnUnsetVariableIsRefusedOnlyWhenSelected() {
    assertThat(cli.run("run", "-c", config, "-t", "deploy", "--report-dir", dir + "/r"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("EXPECTED_VERSION");
    assertThat(Files.exists(dir.resolve("r"))).isFalse();
  }

  @Test
  void demoRunsTheShippedSuitesAndExitsZero() throws IOException {
    Path reports = dir.resolve("demo-reports");

    assertThat(cli.run("demo", "--report-dir", reports.toString())).as(cli.err).isEqualTo(0);

    assertThat(cli.out)
        .contains("Demo staging service listening on http://127.0.0.1:")
        .contains("FLAKY  staging-health/liveness probe")
        .contains("PASS   staging-health/api health")
        .contains("OpenApiDocsSuite")
        .contains("PASSED");
    assertThat(Files.readString(reports.resolve("result.json"))).contains("\"FLAKY\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "validate", "list", "demo"})
  void everyCommandHasHelp(String command) {
    assertThat(cli.run(command, "--help")).isEqualTo(0);
    assertThat(cli.out).contains("Usage: stagewatch " + command);
  }

  @Test
  void versionAndTopLevelHelpExitZero() {
    assertThat(cli.run("--version")).isEqualTo(0);
    assertThat(cli.out).startsWith("stagewatch ");
    assertThat(cli.run("--help")).isEqualTo(0);
    assertThat(cli.out).contains("run").contains("validate").contains("Exit codes");
  }
}
