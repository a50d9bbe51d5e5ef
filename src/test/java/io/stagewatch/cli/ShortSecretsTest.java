package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets too short to be looked for in free text (a one-letter token, a four-letter password):
 * they must not mangle ordinary words, they stay out of the URLs stagewatch prints, and {@code
 * validate} names them. A default written in the config is no secret at all.
 */
class ShortSecretsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String PAGE_ONLY =
      """
      name: page
      checks:
        - name: page
          http: {path: /page}
      """;

  @TempDir Path dir;
  CliRun cli;

  @BeforeEach
  void project() throws IOException {
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                    headers:
                      Authorization: Bearer ${STAGING_TOKEN}
                      X-Api-Key: ${API_KEY:-none}
                    databases:
                      main:
                        url: jdbc:postgresql://127.0.0.1:9/app
                        user: app
                        password: ${STAGING_DB_PASSWORD}
                defaults:
                  retry: {attempts: 1}
                """)
            .suite(
                "page.yaml",
                """
                name: page
                checks:
                  - name: page
                    http: {path: /page}
                    expect: {status: 200, headers: {Content-Type: application/json}}
                  - name: loop
                    http: {path: "/loop?k=${STAGING_TOKEN}"}
                """)
            .suite(
                "keyed.yaml",
                """
                name: keyed
                checks:
                  - name: keyed
                    http: {path: /page, headers: {X-Api-Key: k3y}}
                """)
            .env("STAGING_URL", staging.baseUrl())
            .env("STAGING_TOKEN", "x")
            .env("STAGING_DB_PASSWORD", "test");
    staging.stubFor(
        get("/page")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<p>tests expected, none of these passed</p>")));
    staging.stubFor(
        get(urlPathEqualTo("/loop"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "{{request.url}}")
                    .withTransformers("response-template")));
  }

  @Test
  void shortSecretsLeaveWordsIntactAndStayOutOfPrintedUrls() throws Exception {
    assertThat(cli.runChecks("-s", "page", "--no-store")).as(cli.err).isEqualTo(ExitCodes.FAILED);

    for (String output : List.of(cli.out, cli.report("result.json"), cli.report("junit.xml"))) {
      assertThat(output)
          .contains("expected status 200, got 500")
          .contains("application/json")
          .contains("text/html")
          .contains("tests expected, none of these passed")
          .doesNotContain("***s")
          .contains("/loop?k=***)")
          .doesNotContain("k=x");
    }
  }

  @Test
  void aHeaderTheClientRefusesIsNamedWithoutItsValue() throws Exception {
    cli.env("STAGING_TOKEN", "t0k\r\n").suite("page.yaml", PAGE_ONLY);

    assertThat(cli.runChecks("-s", "page", "--no-store")).isEqualTo(ExitCodes.FAILED);

    assertThat(cli.out)
        .contains(
            "the request could not be built: header Authorization cannot be sent: its name or"
                + " value holds a character HTTP does not allow")
        .doesNotContain("t0k");
  }

  @Test
  void validateNamesEveryShortSecretButNeverItsValue() {
    assertThat(cli.run("validate", "-c", dir.resolve("config/stagewatch.yaml").toString()))
        .as(cli.err)
        .isEqualTo(ExitCodes.PASSED);

    assertThat(cli.err.lines().filter(line -> line.contains("warning")))
        .containsExactly(
            "stagewatch: warning: STAGING_TOKEN holds a secret shorter than 8 characters:"
                + " it is kept out of the URLs stagewatch prints, but too short to be looked for"
                + " in what servers send back",
            "stagewatch: warning: STAGING_DB_PASSWORD holds a secret shorter than 8"
                + " characters: it is kept out of the URLs stagewatch prints, but too short to be"
                + " looked for in what servers send back",
            "stagewatch: warning: checks[0].http.headers.X-Api-Key ("
                + dir.resolve("suites/keyed.yaml")
                + ":4:46) holds a secret shorter than 8 characters: it is kept out of the URLs"
                + " stagewatch prints, but too short to be looked for in what servers send back");
  }
}
