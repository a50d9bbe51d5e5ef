package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One meaning per field and nothing said that did not happen: {@code status} is pass/fail and a
 * pass rate a ratio in every machine output; a selection of nothing is only an error; {@code
 * validate} judges what the same {@code run} would.
 */
class HonestOutputTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  CliRun cli;

  @BeforeEach
  void project() throws IOException {
    staging.stubFor(get("/up").willReturn(aResponse().withStatus(200)));
    staging.stubFor(
        get("/down")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("first line\r\nsecond line\r\n")));
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                defaults:
                  timeout: 2s
                  retry: {attempts: 1}
                """)
            .suite(
                "front.yaml",
                """
                name: front
                tags: [smoke]
                checks:
                  - {name: up, http: {path: /up}, expect: {status: 200}}
                  - {name: down, http: {path: /down}, expect: {status: 200}}
                  - {name: up again, http: {path: /up}, expect: {status: 200}}
                """)
            .suite(
                "database.yaml",
                """
                name: database
                tags: [db]
                checks:
                  - {name: version, http: {path: "/up?v=${DB_ONLY_VARIABLE}"}, expect: {status: 200}}
                """)
            .env("STAGING_URL", staging.baseUrl());
  }

  String configFile() {
    return dir.resolve("config/stagewatch.yaml").toString();
  }

  @Test
  void statusIsPassOrFailAndAPassRateARatioInEveryMachineOutput() throws Exception {
    Path output = dir.resolve("github-output");
    cli.env("GITHUB_OUTPUT", output.toString());

    assertThat(cli.runChecks("-s", "front", "--no-store")).isEqualTo(ExitCodes.FAILED);

    JsonNode result = JSON.readTree(cli.report("result.json"));
    assertThat(result.get("status").asText()).isEqualTo("fail");
    assertThat(result.get("passRate").asDouble())
        .isEqualTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(JSON.readTree(cli.report("signal.json")).get("status").asText()).isEqualTo("fail");
    assertThat(Files.readString(output)).isEqualTo("status=fail\npass_rate=0.6667\nfailed=1\n");
    // For people the rate stays a percentage.
    assertThat(cli.report("summary.md")).contains("66.7%");
  }

  @Test
  void aSelectionOfNothingIsOnlyAnError() {
    assertThat(cli.runChecks("-t", "nosuchtag", "--no-store")).isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err).contains("no check matches the selection -t 'nosuchtag'");
    assertThat(cli.out).doesNotContain("Running").doesNotContain("PASSED").isEmpty();
    assertThat(cli.reportDir()).doesNotExist();
  }

  @Test
  void validateJudgesWhatTheSameRunWould() {
    // The database suite needs a variable that a run of the smoke checks never uses.
    assertThat(cli.run("validate", "-c", configFile(), "-s", "front")).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.out).contains("1 suite with 3 checks: front");

    assertThat(cli.run("validate", "-c", configFile())).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("DB_ONLY_VARIABLE");

    assertThat(cli.run("validate", "-c", configFile(), "-s", "nothing")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("no check matches the selection");

    // validate and list count the same checks.
    cli.run("list", "-c", configFile(), "-s", "front");
    assertThat(cli.out).contains("3 checks");
  }

  @Test
  void aBodyWithCrlfLineEndsReadsCleanOnThePage() throws Exception {
    cli.runChecks("-s", "front", "--no-store");

    String page = cli.report("report.html");
    assertThat(page).contains("first line").contains("second line").doesNotContain("\uFFFD");
  }
}
