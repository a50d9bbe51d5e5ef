package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Under GitHub Actions, failed checks and config problems are marked on their file and line. */
class GitHubAnnotationsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  CliRun cli;

  static final String SUITE =
      """
      name: api
      checks:
        - name: up
          http: {path: /up}
        - name: orders, v2
          http: {path: /orders}
          expect: {status: 200}
      """;

  @BeforeEach
  void project() throws Exception {
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                defaults:
                  retry: {attempts: 1}
                """)
            .suite("api.yaml", SUITE)
            .env("STAGING_URL", staging.baseUrl())
            .env("GITHUB_WORKSPACE", dir.toString());
    staging.stubFor(get("/up").willReturn(ok()));
    staging.stubFor(get("/orders").willReturn(serverError().withBody("down: 100%")));
  }

  static List<String> commands(String out) {
    return Arrays.stream(out.split("\n")).filter(l -> l.startsWith("::")).toList();
  }

  @Test
  void aFailedCheckIsAnErrorAtItsLineInTheRepository() {
    cli.env("GITHUB_ACTIONS", "true");

    assertThat(cli.runChecks("--no-store")).isEqualTo(ExitCodes.FAILED);

    // The check's name is a property value: its comma is escaped, as the runner requires.
    assertThat(commands(cli.out))
        .singleElement()
        .asString()
        .startsWith("::error file=suites/api.yaml,line=5,col=")
        .contains(",title=api/orders%2C v2::")
        .contains("expected status 200, got 500");
  }

  @Test
  void outsideActionsThereAreNoWorkflowCommands() {
    assertThat(cli.runChecks("--no-store")).isEqualTo(ExitCodes.FAILED);

    assertThat(commands(cli.out)).isEmpty();
    assertThat(cli.out).contains("api/orders, v2");
  }

  @Test
  void everyConfigProblemIsAnErrorAtItsLine() throws Exception {
    cli.env("GITHUB_ACTIONS", "true")
        .suite(
            "broken.yaml",
            """
            name: broken
            checks:
              - name: a
                http: {path: /a}
                expect: {status: "twohundred"}
              - name: b
                http: {path: /b}
                timeout: soon
            """);

    assertThat(cli.run("validate", "-c", cli.configFile().toString())).isEqualTo(ExitCodes.USAGE);

    List<String> commands = commands(cli.out);
    assertThat(commands).hasSize(2);
    assertThat(commands.get(0)).startsWith("::error file=suites/broken.yaml,line=5,");
    assertThat(commands.get(1)).startsWith("::error file=suites/broken.yaml,line=8,");
    assertThat(cli.err).contains("2 problems");
  }
}
