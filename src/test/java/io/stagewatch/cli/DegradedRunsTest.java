package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expect.degradedResponseTime} through the real entry point: a check slower than it, but
 * within {@code maxResponseTime}, passes and is shown as degraded in every report.
 */
class DegradedRunsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Well past the bound below, and well within maxResponseTime and the timeout. */
  static final int SLOW_MS = 400;

  static final String SUITE =
      """
      name: api
      checks:
        - name: slow
          http: {path: /slow}
          expect: {status: 200, degradedResponseTime: 200ms, maxResponseTime: 3s}
        - name: fast
          http: {path: /fast}
          expect: {status: 200, degradedResponseTime: 2s}
      """;

  @TempDir Path dir;
  CliRun cli;

  @BeforeEach
  void project() throws IOException {
    staging.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(SLOW_MS)));
    staging.stubFor(get("/fast").willReturn(okJson("{}")));
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                defaults:
                  timeout: 5s
                  retry: {attempts: 1}
                store:
                  url: "jdbc:sqlite:${STORE_DIR}/stagewatch.db"
                """)
            .env("STAGING_URL", staging.baseUrl())
            .env("STORE_DIR", dir.resolve("store").toString());
  }

  @Test
  void aCheckSlowerThanItsDegradedBoundPassesAndIsMarkedDegradedInResultJson() throws Exception {
    cli.suite("api.yaml", SUITE);

    assertThat(cli.runChecks()).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    JsonNode result = new ObjectMapper().readTree(cli.report("result.json"));
    assertThat(result.get("status").asText()).isEqualTo("pass");
    JsonNode slow = result.get("checks").get(0);
    assertThat(slow.get("id").asText()).isEqualTo("api/slow");
    assertThat(slow.get("status").asText()).isEqualTo("PASSED");
    assertThat(slow.get("degraded").asBoolean()).isTrue();
    assertThat(slow.get("message").asText())
        .startsWith("response took ")
        .endsWith(" ms, more than degradedResponseTime 200ms");
    JsonNode fast = result.get("checks").get(1);
    assertThat(fast.get("degraded").isBoolean()).isTrue();
    assertThat(fast.get("degraded").asBoolean()).isFalse();
    assertThat(fast.get("message").isNull()).isTrue();
  }

  @Test
  void validateRefusesADegradedBoundThatIsNotBelowMaxResponseTime() throws Exception {
    cli.suite(
        "api.yaml",
        """
        name: api
        checks:
          - name: slow
            http: {path: /slow}
            expect:
              maxResponseTime: 1s
              degradedResponseTime: 1s
        """);

    assertThat(cli.run("validate", "-c", cli.configFile().toString()))
        .as(cli.out + cli.err)
        .isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err)
        .contains("api.yaml:7:")
        .contains("degradedResponseTime")
        .contains("expected a time below maxResponseTime 1s, got 1s");
  }
}
