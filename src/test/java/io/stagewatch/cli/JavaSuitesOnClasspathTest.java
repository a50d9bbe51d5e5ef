package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.JavaSuiteCompiler;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java suites given with {@code --classpath}: compiled here from source, as a user would compile
 * their own, then run next to a YAML suite in one launch, with the environment injected and failed
 * tests rerun.
 */
class JavaSuitesOnClasspathTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  static final String SUITE =
      """
      package extra;

      import io.stagewatch.suite.jupiter.StagewatchSuite;
      import io.stagewatch.suite.jupiter.StagingEnvironment;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.concurrent.atomic.AtomicInteger;
      import org.junit.jupiter.api.Tag;
      import org.junit.jupiter.api.Test;

      @StagewatchSuite
      @Tag("extra")
      class CartSuite {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Test
        void cartAnswersWithTheEnvironmentsHeader(StagingEnvironment env) throws Exception {
          try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(env.baseUrl().resolve("/cart"));
            env.headers().forEach(request::header);
            int status =
                client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
              throw new AssertionError("cart answered " + status);
            }
          }
        }

        @Test
        void failsOnceThenPasses() {
          if (CALLS.getAndIncrement() == 0) {
            throw new AssertionError("first call fails");
          }
        }
      }
      """;

  @Test
  void javaSuitesFromTheClasspathRunWithTheEnvironmentAndAreRerun() throws Exception {
    staging.stubFor(get("/cart").willReturn(aResponse().withStatus(200)));
    Path classes = JavaSuiteCompiler.compile(dir, "CartSuite", SUITE);
    CliRun cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                    headers: {X-Team: checkout}
                defaults: {rerunFailures: 1}
                """)
            .suite(
                "empty.yaml",
                "name: other\ntags: [other]\nchecks:\n  - name: x\n    http: {path: /x}\n")
            .env("STAGING_URL", staging.baseUrl());

    int exit = cli.runChecks("-t", "extra", "--classpath", classes.toString());

    assertThat(exit).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);
    JsonNode checks = new ObjectMapper().readTree(cli.report("result.json")).get("checks");
    Map<String, JsonNode> byName = new HashMap<>();
    checks.forEach(c -> byName.put(c.get("name").asText(), c));
    assertThat(byName).hasSize(2);
    JsonNode cart = byName.get("cartAnswersWithTheEnvironmentsHeader(StagingEnvironment)");
    assertThat(cart.get("status").asText()).isEqualTo("PASSED");
    assertThat(cart.get("suite").asText()).isEqualTo("CartSuite");
    assertThat(cart.get("tags").toString()).isEqualTo("[\"extra\"]");
    JsonNode flaky = byName.get("failsOnceThenPasses()");
    assertThat(flaky.get("status").asText()).isEqualTo("FLAKY");
    assertThat(flaky.get("attempts").asInt()).isEqualTo(2);
    staging.verify(getRequestedFor(urlEqualTo("/cart")).withHeader("X-Team", equalTo("checkout")));
  }

  private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalTo(String v) {
    return com.github.tomakehurst.wiremock.client.WireMock.equalTo(v);
  }
}
