package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.JavaSuiteCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config runs the Java suites its project declares: those whose sources are in its suites folder,
 * and those on its {@code javaSuites.classpath}, never this repository's because they are in the
 * jar.
 */
class ProjectJavaSuitesTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  CliRun cli;
  String config;

  static final String CONFIG =
      """
      environments:
        staging: {baseUrl: "${STAGING_URL}"}
      defaults: {retry: {attempts: 1}}
      """;

  static final String CART_SUITE =
      """
      package extra;

      import io.stagewatch.suite.jupiter.StagewatchSuite;
      import io.stagewatch.suite.jupiter.StagingEnvironment;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import org.junit.jupiter.api.Tag;
      import org.junit.jupiter.api.Test;

      @StagewatchSuite
      @Tag("cart")
      class CartSuite {
        @Test
        void cartOpens(StagingEnvironment env) throws Exception {
          try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(env.baseUrl().resolve("/cart")).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
              throw new AssertionError("cart answered " + status);
            }
          }
        }
      }
      """;

  @BeforeEach
  void project() throws IOException {
    cli =
        new CliRun(dir)
            .config(CONFIG)
            .suite("health.yaml", CliRun.ONE_HEALTH_CHECK)
            .env("STAGING_URL", staging.baseUrl());
    config = dir.resolve("config/stagewatch.yaml").toString();
    staging.stubFor(get("/health").willReturn(ok()));
  }

  @Test
  void aProjectWithSuitesOfItsOwnRunsNoneOfTheJarsJavaSuites() throws Exception {
    assertThat(cli.run("validate", "-c", config)).as(cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.out).contains("1 suite with 1 check: health");
    assertThat(cli.run("list", "-c", config)).as(cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.out).doesNotContain("OpenApiDocsSuite").contains("1 check");

    assertThat(cli.runChecks()).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(checkIds()).containsExactly("health/up");
    staging.verify(0, getRequestedFor(urlEqualTo("/openapi.json")));
  }

  @Test
  void aJarsJavaSuiteWhoseSourceIsInTheProjectsSuitesFolderRuns() throws Exception {
    String source = "java/io/stagewatch/suites/OpenApiDocsSuite.java";
    Files.createDirectories(dir.resolve("suites").resolve(source).getParent());
    Files.copy(Path.of("suites").resolve(source), dir.resolve("suites").resolve(source));
    staging.stubFor(
        get("/openapi.json")
            .willReturn(
                okJson(
                    "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\"},\"paths\":{\"/a\":{}}}")));

    assertThat(cli.runChecks()).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(checkIds())
        .containsExactly(
            "health/up", "OpenApiDocsSuite/api docs are a valid OpenAPI 3 document with paths");
  }

  @Test
  void javaSuitesOnTheConfigsClassPathAreValidatedListedAndRun() throws Exception {
    JavaSuiteCompiler.compile(
        dir.resolve("build/src"),
        dir.resolve("build/suite-classes"),
        "extra/CartSuite.java",
        CART_SUITE);
    cli.config(CONFIG + "javaSuites:\n  classpath: [build/suite-classes]\n");
    staging.stubFor(get("/cart").willReturn(ok()));

    assertThat(cli.run("validate", "-c", config)).as(cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.out).contains("2 suites with 2 checks: health, CartSuite");
    assertThat(cli.run("list", "-c", config)).as(cli.err).isEqualTo(0);
    assertThat(cli.out).containsPattern("cartOpens\\(StagingEnvironment\\)\\s+java\\s+cart\n");
    assertThat(cli.out).endsWith("2 checks\n");
    assertThat(cli.runChecks()).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(checkIds()).containsExactly("health/up", "CartSuite/cartOpens(StagingEnvironment)");
    staging.verify(1, getRequestedFor(urlEqualTo("/cart")));
  }

  @Test
  void aClassPathEntryThatIsNotThereIsAConfigErrorWithItsPlace() throws Exception {
    cli.config(CONFIG + "javaSuites:\n  classpath:\n    - build/suites.jar\n");

    assertThat(cli.run("validate", "-c", config)).isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err)
        .contains("stagewatch.yaml:6:7: javaSuites.classpath[0]: not found: ")
        .contains(dir.resolve("build/suites.jar").toString());
  }

  @Test
  void aClassPathOptionThatIsNotThereIsAUsageError() {
    assertThat(cli.runChecks("--classpath", dir.resolve("nothing").toString()))
        .isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err).contains("--classpath: not found: " + dir.resolve("nothing"));
    assertThat(cli.reportDir()).doesNotExist();
  }

  private List<String> checkIds() throws IOException {
    List<String> ids = new ArrayList<>();
    JsonNode result = new ObjectMapper().readTree(cli.report("result.json"));
    result.get("checks").forEach(check -> ids.add(check.get("id").asText()));
    return ids;
  }
}
