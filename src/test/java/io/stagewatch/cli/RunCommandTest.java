package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagewatch run} through the real entry point against a WireMock staging service. */
class RunCommandTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  CliRun cli;

  static final String TOKEN = "s3cr3t-token-4711";

  @BeforeEach
  void project() throws IOException {
    cli =
        new CliRun(dir)
            .config(
                """
                project: shop
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                    headers:
                      Authorization: Bearer ${STAGING_TOKEN}
                defaults:
                  timeout: 2s
                  retry: {attempts: 2, delay: 50ms}
                """)
            .env("STAGING_URL", staging.baseUrl())
            .env("STAGING_TOKEN", TOKEN);
  }

  @Test
  void aHealthyStagingExitsZeroAndWritesAllReports() throws Exception {
    staging.stubFor(get("/health").willReturn(okJson("{\"status\":\"UP\"}")));
    cli.suite(
        "health.yaml",
        """
        name: health
        tags: [smoke]
        checks:
          - name: health endpoint
            http: {path: /health}
            expect: {status: 200, json: {$.status: UP}}
        """);

    assertThat(cli.runChecks()).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(cli.out).contains("PASS   health/health endpoint").contains("PASSED");
    JsonNode result = new ObjectMapper().readTree(cli.report("result.json"));
    assertThat(result.get("status").asText()).isEqualTo("pass");
    assertThat(result.get("counts").get("total").asInt()).isEqualTo(1);
    assertThat(result.get("checks").get(0).get("id").asText()).isEqualTo("health/health endpoint");
    assertThat(cli.report("summary.md")).contains("health");
    validateJunitXml(cli.report("junit.xml"));
  }

  @Test
  void aMixOfPassingFailingSlowAndFlakyEndpointsGivesTheRightStatusesEverywhere() throws Exception {
    staging.stubFor(get("/ok").willReturn(okJson("{\"status\":\"UP\"}")));
    staging.stubFor(get("/down").willReturn(aResponse().withStatus(503).withBody("maintenance")));
    staging.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(5_000)));
    staging.stubFor(
        get("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("recovered"));
    staging.stubFor(
        get("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("{}")));
    cli.suite(
        "mix.yaml",
        """
        name: mix
        checks:
          - name: ok
            http: {path: /ok}
            expect: {json: {$.status: UP}}
          - name: down
            retry: {attempts: 1}
            http: {path: /down}
            expect: {status: 200}
          - name: slow
            timeout: 500ms
            retry: {attempts: 1}
            http: {path: /slow}
          - name: flaky
            http: {path: /flaky}
        """);

    long started = System.nanoTime();
    int exit = cli.runChecks();
    long seconds = (System.nanoTime() - started) / 1_000_000_000;

    assertThat(exit).as(cli.out + cli.err).isEqualTo(ExitCodes.FAILED);
    assertThat(seconds).as("the slow endpoint must not hold the run").isLessThan(5);
    JsonNode checks = new ObjectMapper().readTree(cli.report("result.json")).get("checks");
    Map<String, JsonNode> byName = new HashMap<>();
    checks.forEach(c -> byName.put(c.get("name").asText(), c));
    assertThat(byName.get("ok").get("status").asText()).isEqualTo("PASSED");
    assertThat(byName.get("down").get("status").asText()).isEqualTo("FAILED");
    assertThat(byName.get("down").get("message").asText())
        .contains("expected status 200, got 503")
        .contains("maintenance");
    assertThat(byName.get("slow").get("status").asText()).isEqualTo("ERROR");
    assertThat(byName.get("slow").get("message").asText()).contains("500ms");
    assertThat(byName.get("flaky").get("status").asText()).isEqualTo("FLAKY");
    assertThat(byName.get("flaky").get("attempts").asInt()).isEqualTo(2);

    String junit = cli.report("junit.xml");
    validateJunitXml(junit);
    assertThat(junit).contains("expected status 200, got 503").contains("<error");
    assertThat(cli.report("summary.md")).contains("flaky").contains("down");
    assertThat(cli.out).contains("FLAKY  mix/flaky").contains("FAIL   mix/down");
  }

  @Test
  void theTokenNeverAppearsInAnyOutputEvenWhenTheServerEchoesIt() throws Exception {
    staging.stubFor(
        get("/echo")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "text/plain")
                    .withBody(
                        "rejected {{request.headers.Authorization}} token={{request.headers.X-Api-Key}}")
                    .withTransformers("response-template")));
    cli.config(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
                headers:
                  Authorization: Bearer ${STAGING_TOKEN}
                  X-Api-Key: ${STAGING_TOKEN}
            defaults: {retry: {attempts: 1}}
            """)
        .suite(
            "echo.yaml",
            """
            name: echo
            checks:
              - name: echo
                http: {path: /echo}
                expect: {status: 200, bodyContains: welcome}
            """);

    assertThat(cli.runChecks()).isEqualTo(ExitCodes.FAILED);

    assertThat(staging.getAllServeEvents().stream().map(e -> e.getResponse().getBodyAsString()))
        .as("the server did echo the token")
        .anyMatch(body -> body.contains(TOKEN));
    for (String file : new String[] {"junit.xml", "result.json"}) {
      assertThat(cli.report(file)).as(file).doesNotContain(TOKEN).contains("rejected ***");
    }
    assertThat(cli.report("summary.md")).doesNotContain(TOKEN).contains("rejected \\*\\*\\*");
    assertThat(cli.out + cli.err).doesNotContain(TOKEN).contains("rejected ***");
  }

  @Test
  void configAndSuiteProblemsAreReportedTogetherAndNothingRuns() throws Exception {
    cli.config(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
            defaults:
              timeout: soon
            """)
        .suite(
            "bad.yaml",
            """
            name: bad
            checks:
              - name: a
                http: {path: /a}
              - name: a
                http: {path: /b}
                expect: {stauts: 200}
            """);

    assertThat(cli.runChecks()).isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err)
        .contains("3 problems, nothing was run")
        .contains("stagewatch.yaml:5:12: defaults.timeout: expected a duration")
        .contains("bad.yaml:5:")
        .contains("duplicate check name 'a'")
        .contains("bad.yaml:7:")
        .contains("stauts: unknown key");
    assertThat(staging.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void anUnsetVariableExitsTwoNamingItWithoutAnyValue() throws Exception {
    cli.environment.remove("STAGING_TOKEN");
    cli.suite("s.yaml", "name: s\nchecks:\n  - name: a\n    http: {path: /a}\n");

    assertThat(cli.runChecks()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err)
        .contains("environment variable STAGING_TOKEN is not set and has no default")
        .doesNotContain(staging.baseUrl());
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    cli.suite("s.yaml", "name: s\ntags: [smoke]\nchecks:\n  - name: a\n    http: {path: /a}\n");

    assertThat(cli.runChecks("-t", "smoke & (")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("--tags").contains("not a valid tag expression");

    assertThat(cli.runChecks("-t", "nothing-has-this-tag")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("no check matches the selection");

    assertThat(cli.run("run", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("Unknown option");
  }

  @Test
  void reportsThatCannotBeWrittenExitThreeAfterTheChecksRan() throws Exception {
    staging.stubFor(get("/ok").willReturn(okJson("{}")));
    cli.suite("s.yaml", "name: s\nchecks:\n  - name: ok\n    http: {path: /ok}\n");
    Files.writeString(cli.reportDir(), "a file where the report folder should be");

    assertThat(cli.runChecks()).isEqualTo(ExitCodes.INTERNAL);

    assertThat(cli.out).contains("PASS   s/ok");
    assertThat(cli.err).contains("the reports could not be written to " + cli.reportDir());
  }

  @Test
  void underGitHubActionsTheSummaryAndOutputsAreWritten() throws Exception {
    staging.stubFor(get("/ok").willReturn(okJson("{}")));
    cli.suite("s.yaml", "name: s\nchecks:\n  - name: ok\n    http: {path: /ok}\n");
    Path summary = dir.resolve("step-summary.md");
    Path output = dir.resolve("output.txt");
    cli.env("GITHUB_STEP_SUMMARY", summary.toString()).env("GITHUB_OUTPUT", output.toString());

    assertThat(cli.runChecks()).isEqualTo(ExitCodes.PASSED);

    assertThat(Files.readString(summary)).isEqualTo(cli.report("summary.md"));
    assertThat(Files.readString(output)).contains("status=pass\n").contains("failed=0");
  }

  static void validateJunitXml(String xml) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var schema = factory.newSchema(RunCommandTest.class.getResource("/schemas/junit-10.xsd"));
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }
}
