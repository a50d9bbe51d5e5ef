package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
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
 * A config and its suites in one folder ({@code suites: .}): the config file is not a suite, so
 * every command reads the folder's other YAML files as suites and the config as the config.
 */
class ConfigInsideSuitesFolderTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  CliRun cli;
  String config;

  @BeforeEach
  void oneFolder() throws IOException {
    cli = new CliRun(dir).env("STAGING_URL", staging.baseUrl());
    // Named like the default suites folder, so that a config that cannot be read still has its
    // suites checked (from the default folder): that path must leave the config out too.
    Path folder = Files.createDirectories(dir.resolve("suites"));
    config = folder.resolve("stagewatch.yaml").toString();
    Files.writeString(
        Path.of(config),
        """
        environments:
          staging: {baseUrl: "${STAGING_URL}"}
        defaults: {retry: {attempts: 1}}
        suites: .
        """);
    Files.writeString(folder.resolve("health.yaml"), CliRun.ONE_HEALTH_CHECK);
    staging.stubFor(get("/health").willReturn(ok()));
  }

  @Test
  void validateAndListReadTheOtherFilesAsSuites() {
    assertThat(cli.run("validate", "-c", config)).as(cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.err).doesNotContain("stagewatch.yaml");

    assertThat(cli.run("list", "-c", config)).as(cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.out).containsPattern("(?m)^health$").contains("1 check").doesNotContain("yaml");
  }

  @Test
  void runRunsTheSuitesBesideTheConfig() throws IOException {
    int code =
        cli.run("run", "-c", config, "--report-dir", cli.reportDir().toString(), "--no-store");

    assertThat(code).as(cli.err).isEqualTo(ExitCodes.PASSED);
    JsonNode result = new ObjectMapper().readTree(cli.report("result.json"));
    assertThat(result.path("counts").path("total").asInt()).isEqualTo(1);
    assertThat(result.path("checks").get(0).path("id").asText()).isEqualTo("health/up");
  }

  @Test
  void theConfigIsLeftOutByWhatItIsNotByItsName() throws IOException {
    // A config named like a suite, in its own suites folder, is still only the config.
    Path renamed = Path.of(config).resolveSibling("shop.yml");
    Files.move(Path.of(config), renamed);

    assertThat(cli.run("validate", "-c", renamed.toString())).as(cli.err).isZero();
    assertThat(cli.run("list", "-c", renamed.toString())).as(cli.err).isZero();
    assertThat(cli.out).containsPattern("(?m)^health$").contains("1 check");
  }

  @Test
  void aBrokenConfigStillReportsTheSuitesProblemsButNotItselfAsASuite() throws IOException {
    Files.writeString(
        Path.of(config),
        """
        environments:
          staging: {baseUrl: "${STAGING_URL}"}
        suites: .
        unknownKey: 1
        """);
    Files.writeString(Path.of(config).resolveSibling("broken.yaml"), "name: broken\n");

    assertThat(cli.run("validate", "-c", config)).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err)
        .contains("stagewatch.yaml:4:1: unknownKey")
        .contains("broken.yaml")
        .doesNotContain("stagewatch.yaml:1:1");
  }
}
