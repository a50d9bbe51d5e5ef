package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewatch.TestClock;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.ResultStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code readiness} through the real entry point, with staging history in a SQLite store. */
class ReadinessCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  CliRun project(String readiness) throws IOException {
    return new CliRun(dir)
        .config(
            """
            environments:
              staging:
                baseUrl: http://127.0.0.1:9
            readiness:
            %s
            """
                .formatted(readiness.indent(2)));
  }

  /** Records finished staging runs, oldest first, in the store of the project written last. */
  void stagingRuns(CheckStatus... outcomes) throws Exception {
    try (ResultStore store = new CliRun(dir).openStore()) {
      Instant start = Instant.parse("2026-11-23T08:00:00Z");
      for (int i = 0; i < outcomes.length; i++) {
        RunInfo info =
            new RunInfo("run-" + (i + 1), null, "staging", "cron", null, start.plusSeconds(i * 60));
        store.runStarted(info, "test");
        CheckResult check =
            new CheckResult(
                "health/up", "health", "up", List.of(), outcomes[i], 1, 12, null, List.of());
        store.runFinished(new RunResult(info, info.startedAt().plusSeconds(5), List.of(check)));
      }
    }
  }

  static String fixture(String name) {
    try {
      return Path.of(
              Objects.requireNonNull(ReadinessCommandTest.class.getResource("/readiness/" + name))
                  .toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * CI 92.5 (37/40 in the three runs), coverage 92 (Cobertura), security 100 (clean SARIF), quality
   * 95: 37 + 27.6 + 20 + 9.5 = 94.1, good.
   */
  int readiness(CliRun cli, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "readiness",
                "-c",
                dir.resolve("config/stagewatch.yaml").toString(),
                "--junit",
                fixture("runs"),
                "--coverage",
                fixture("cobertura.xml"),
                "--security",
                fixture("clean.sarif"),
                "--quality",
                "95"));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  /** {@code readiness} on the project's config with only the inputs given. */
  int readinessOf(CliRun cli, String... inputs) {
    List<String> args =
        new ArrayList<>(
            List.of("readiness", "-c", dir.resolve("config/stagewatch.yaml").toString()));
    args.addAll(List.of(inputs));
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void aGoodScoreWithAPassingLatestStagingRunIsReady() throws Exception {
    CliRun cli = project("threshold: 90");
    stagingRuns(CheckStatus.FAILED, CheckStatus.PASSED);

    assertThat(readiness(cli)).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(cli.out).contains("Readiness 94.1 (good), trend new, threshold 90: READY");
    assertThat(cli.out).containsPattern("Staging pass rate +store +50 +0 ");
    assertThat(Files.exists(dir.resolve(".stagewatch/readiness.json"))).isTrue();
  }

  @Test
  void aFailedLatestStagingRunIsNotReadyWhateverTheScore() throws Exception {
    CliRun cli = project("threshold: 90");
    stagingRuns(CheckStatus.PASSED, CheckStatus.PASSED, CheckStatus.FAILED);

    assertThat(readiness(cli)).isEqualTo(ExitCodes.FAILED);

    assertThat(cli.out)
        .contains("NOT READY")
        .contains("not ready: the latest staging run of staging adhoc (all suites) failed (run-3)");
  }

  @Test
  void theGateCanBeSwitchedOffAndStagingWeighted() throws Exception {
    CliRun cli = project("stagingGate: false\nweights: {staging: 10}");
    stagingRuns(CheckStatus.PASSED, CheckStatus.FAILED);

    // (37 + 27.6 + 20 + 9.5 + 50·0.1) / 1.1 = 90.09
    assertThat(readiness(cli, "--json")).as(cli.err).isEqualTo(ExitCodes.PASSED);

    JsonNode json = JSON.readTree(cli.out);
    assertThat(json.get("score").asDouble()).isEqualTo(90.1);
    assertThat(json.get("ready").asBoolean()).isTrue();
    assertThat(json.get("components").get(4).get("value").asDouble()).isEqualTo(50);
  }

  @Test
  void belowTheThresholdExitsOneAndTheTrendComparesWithTheLastResult() throws Exception {
    TestClock clock = new TestClock();
    CliRun cli = project("threshold: 90").clock(clock);
    stagingRuns(CheckStatus.PASSED);
    readiness(cli);
    Path md = dir.resolve("readiness.md");
    clock.advance(Duration.ofHours(4));

    assertThat(readiness(cli, "--threshold", "95", "--json", "--markdown", md.toString()))
        .isEqualTo(ExitCodes.FAILED);

    JsonNode json = JSON.readTree(cli.out);
    assertThat(json.get("at").asText())
        .isEqualTo(TestClock.START.plus(Duration.ofHours(4)).toString());
    assertThat(json.get("trend").asDouble()).isZero();
    assertThat(json.get("previousScore").asDouble()).isEqualTo(94.1);
    assertThat(json.get("reasons").get(0).asText())
        .isEqualTo("score 94.1 is below the threshold 95");
    assertThat(Files.readString(md))
        .startsWith("## Release readiness\n\n**Not ready**: score **94.1** (good), threshold 95")
        .contains("| Code quality | number | 95 | 10 | 9.5 | excellent |");
  }

  @Test
  void aMalformedInputFileExitsTwoAndIsNamed() throws Exception {
    CliRun cli = project("threshold: 90");
    String bad = fixture("bad/truncated.sarif");

    int exit =
        cli.run(
            "readiness", "-c", dir.resolve("config/stagewatch.yaml").toString(), "--security", bad);

    assertThat(exit).isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err).contains(bad + ": not valid JSON");
    assertThat(cli.out).isEmpty();
    String truncated = fixture("bad/truncated.xml");
    assertThat(readiness(cli, "--junit", truncated)).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains(truncated + ": not well-formed XML");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad/failed-run.sarif | the scan did not complete: run 1 (Semgrep OSS) says"
            + " executionSuccessful: false: Invalid rule schema: rules/java.yaml: missing key"
            + " 'message'",
        "bad/execution-errors.sarif | the scan did not complete: run 1 (CodeQL) reports a tool"
            + " execution error: Extraction failed in src/main/java/shop/Import.java",
        "bad/no-scan.sarif | the log records no scan: \"runs\" is empty",
        "bad/no-results.sarif | the log records no scan: run 1 (lintr) has no \"results\" array",
      })
  void aSarifLogOfAScanThatDidNotCompleteIsAnInputErrorNotAClean100(String file, String problem)
      throws Exception {
    CliRun cli = project("threshold: 90");
    String sarif = fixture(file);

    for (String option : List.of("--security", "--quality")) {
      int exit = readinessOf(cli, "--coverage", fixture("cobertura.xml"), option, sarif);

      assertThat(exit).as(option + ": " + cli.out + cli.err).isEqualTo(ExitCodes.USAGE);
      assertThat(cli.err).isEqualTo("stagewatch: readiness: " + sarif + ": " + problem + "\n");
      assertThat(cli.out).isEmpty();
    }
  }

  @Test
  void toolWarningsAboutAScanThatCompletedDoNotMakeItAnInputError() throws Exception {
    CliRun cli = project("threshold: 90");

    int exit = readinessOf(cli, "--security", fixture("clean-with-warnings.sarif"), "--json");

    assertThat(exit).as(cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(JSON.readTree(cli.out).get("components").get(2).get("value").asDouble())
        .isEqualTo(100);
  }

  @Test
  void underGitHubActionsTheResultBecomesStepOutputsAndASummary() throws Exception {
    CliRun cli = project("threshold: 90");
    stagingRuns(CheckStatus.PASSED);
    Path output = dir.resolve("github-output");
    Path summary = dir.resolve("step-summary.md");
    cli.env("GITHUB_OUTPUT", output.toString()).env("GITHUB_STEP_SUMMARY", summary.toString());

    assertThat(readiness(cli)).isEqualTo(ExitCodes.PASSED);

    assertThat(Files.readString(output))
        .isEqualTo("score=94.1\nband=good\nready=true\nthreshold=90\n");
    assertThat(Files.readString(summary)).startsWith("## Release readiness\n\n**Ready**");
  }
}
