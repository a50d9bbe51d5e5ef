package io.stagewatch.check.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckOutcome;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpCheckExpectationsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @RegisterExtension
  static final WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SuiteCheck suite = new SuiteCheck();
  private URI base;

  @BeforeEach
  void setUp() {
    base = URI.create(target.baseUrl() + "/api");
  }

  @AfterEach
  void close() {
    suite.close();
  }

  private CheckOutcome run(String yaml) throws Exception {
    return suite.attempt(suite.read(yaml), base, TIMEOUT);
  }

  @Test
  void aHealthyEndpointPassesWithTheDefaultExpectation() throws Exception {
    target.stubFor(get("/api/health").willReturn(okJson("{\"status\":\"UP\"}")));

    assertThat(run("http: {path: /health}")).isEqualTo(CheckOutcome.passed());
  }

  @ParameterizedTest(name = "status {0} with expectation {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "200 | 200        | PASSED",
        "503 | 200        | FAILED",
        "204 | [200, 204] | PASSED",
        "404 | [200, 204] | FAILED",
        "201 | 2xx        | PASSED",
        "302 | 2xx        | FAILED",
        "503 | 5xx        | PASSED",
      })
  void theStatusIsJudgedAgainstTheExpectation(int status, String expected, AttemptVerdict verdict)
      throws Exception {
    target.stubFor(get("/api/s").willReturn(aResponse().withStatus(status)));

    CheckOutcome outcome = run("http: {path: /s}\nexpect: {status: " + expected + "}");

    assertThat(outcome.verdict()).isEqualTo(verdict);
  }

  @Test
  void aWrongStatusSaysWhatWasExpectedAndShowsTheBody() throws Exception {
    target.stubFor(
        get("/api/health")
            .willReturn(aResponse().withStatus(503).withBody("{\"status\":\"DOWN\"}")));

    CheckOutcome outcome = run("http: {path: /health}\nexpect: {status: 200}");

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(outcome.message())
        .isEqualTo("expected status 200, got 503\nbody: {\"status\":\"DOWN\"}");
  }

  @Test
  void jsonValuesThatMatchAsTextPass() throws Exception {
    target.stubFor(
        get("/api/info")
            .willReturn(
                okJson(
                    "{\"status\":\"UP\",\"count\":42,\"ratio\":1.0,\"ok\":true,"
                        + "\"none\":null,\"tags\":[\"a\",\"b\"]}")));

    CheckOutcome outcome =
        run(
            """
            http: {path: /info}
            expect:
              json:
                $.status: UP
                $.count: "42"
                $.ratio: 1
                $.ok: true
                $.none: null
                $.tags: '["a", "b"]'
                $.tags[1]: b
            """);

    assertThat(outcome).isEqualTo(CheckOutcome.passed());
  }

  @Test
  void everyJsonMismatchAndMissingPathIsListed() throws Exception {
    target.stubFor(get("/api/info").willReturn(okJson("{\"status\":\"DOWN\",\"count\":7}")));

    CheckOutcome outcome =
        run(
            """
            http: {path: /info}
            expect:
              json:
                $.status: UP
                $.count: 42
                $.version: "1.2"
            """);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(outcome.message())
        .startsWith(
            "$.status: expected \"UP\", got \"DOWN\"; "
                + "$.count: expected \"42\", got 7; "
                + "$.version: expected \"1.2\", got nothing (path not found)\n"
                + "body: {\"status\":\"DOWN\",\"count\":7}");
  }

  @Test
  void aBodyThatIsNotJsonIsSaidToBeSo() throws Exception {
    target.stubFor(get("/api/info").willReturn(aResponse().withBody("UP and running")));

    CheckOutcome outcome = run("http: {path: /info}\nexpect:\n  json: {$.status: UP}");

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(outcome.message())
        .startsWith("the body is not JSON, so $.status could not be checked\nbody: UP and running");
  }

  @Test
  void bodyContainsPassesOrFailsOnTheText() throws Exception {
    target.stubFor(get("/api/page").willReturn(aResponse().withBody("<h1>Welcome</h1>")));

    assertThat(run("http: {path: /page}\nexpect: {bodyContains: Welcome}"))
        .isEqualTo(CheckOutcome.passed());
    assertThat(run("http: {path: /page}\nexpect: {bodyContains: Goodbye}").message())
        .startsWith("body does not contain \"Goodbye\"\nbody: <h1>Welcome</h1>");
  }

  @Test
  void aWantedTextWithQuotesIsShownEscapedInTheReason() throws Exception {
    target.stubFor(get("/api/openapi.json").willReturn(aResponse().withBody("{\"swagger\": 2}")));

    assertThat(run("http: {path: /openapi.json}\nexpect: {bodyContains: '\"openapi\"'}").message())
        .startsWith("body does not contain \"\\\"openapi\\\"\"\n");
  }

  @Test
  void aHeaderExpectationMatchesTheNameInAnyCaseAndAPartOfTheValue() throws Exception {
    target.stubFor(get("/api/h").willReturn(okJson("{}")));

    assertThat(run("http: {path: /h}\nexpect:\n  headers: {content-type: application/json}"))
        .isEqualTo(CheckOutcome.passed());
  }

  @Test
  void aWrongOrMissingHeaderIsListed() throws Exception {
    target.stubFor(get("/api/h").willReturn(okJson("{}")));

    CheckOutcome outcome =
        run("http: {path: /h}\nexpect:\n  headers: {Content-Type: text/html, X-Version: '2'}");

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(outcome.message())
        .startsWith(
            "header Content-Type: expected to contain \"text/html\", got \"application/json\"; "
                + "header X-Version: expected to contain \"2\", but it is missing");
  }

  @Test
  void aResponseSlowerThanMaxResponseTimeFails() throws Exception {
    target.stubFor(get("/api/slow").willReturn(okJson("{}").withFixedDelay(400)));

    CheckOutcome outcome = run("http: {path: /slow}\nexpect: {maxResponseTime: 200ms}");

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(outcome.message())
        .containsPattern("^response took \\d+ ms, more than maxResponseTime 200ms\n");
  }

  @Test
  void allFailedExpectationsAreListedTogether() throws Exception {
    target.stubFor(get("/api/all").willReturn(aResponse().withStatus(500).withBody("oops")));

    CheckOutcome outcome =
        run("http: {path: /all}\nexpect: {status: 200, bodyContains: fine, json: {$.a: b}}");

    assertThat(outcome.message())
        .startsWith(
            "expected status 200, got 500; the body is not JSON, so $.a could not be checked; "
                + "body does not contain \"fine\"");
  }

  @Test
  void theExcerptOfALongBodyIsCutAt2Kb() throws Exception {
    target.stubFor(
        get("/api/long").willReturn(aResponse().withStatus(500).withBody("x".repeat(5000))));

    String message = run("http: {path: /long}").message();

    assertThat(message).endsWith("x".repeat(2048) + " ... (cut at 2 KB)");
    assertThat(message).doesNotContain("x".repeat(2049));
  }

  @Test
  void methodHeadersAndBodyAreSentAndTheEnvironmentsHeadersToo() throws Exception {
    target.stubFor(post("/api/orders").willReturn(aResponse().withStatus(201)));
    var environment = suite.environment(base, Map.of("X-Team", "env", "Accept", "text/plain"));

    CheckOutcome outcome =
        suite.attempt(
            suite.read(
                """
                http:
                  method: POST
                  path: /orders
                  headers: {accept: application/json, Content-Type: application/json}
                  body: '{"id": 1}'
                """),
            environment,
            TIMEOUT);

    assertThat(outcome).isEqualTo(CheckOutcome.passed());
    target.verify(
        postRequestedFor(urlEqualTo("/api/orders"))
            .withHeader("X-Team", equalTo("env"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(equalTo("{\"id\": 1}")));
  }

  @Test
  void anAbsoluteUrlIsRequestedAsWritten() throws Exception {
    target.stubFor(get("/elsewhere").willReturn(okJson("{}")));

    CheckOutcome outcome = run("http: {url: '" + target.baseUrl() + "/elsewhere'}");

    assertThat(outcome).isEqualTo(CheckOutcome.passed());
    target.verify(getRequestedFor(urlEqualTo("/elsewhere")));
  }

  @Test
  void aTokenEchoedBackByTheServerNeverAppearsInTheMessage() throws Exception {
    target.stubFor(
        get("/api/echo")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("you sent Authorization: {{request.headers.Authorization}}")
                    .withTransformers("response-template")));
    var environment = suite.environment(base, Map.of("Authorization", "Bearer s3cr3t-t0ken"));

    CheckOutcome outcome = suite.attempt(suite.read("http: {path: /echo}"), environment, TIMEOUT);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(outcome.message()).contains("you sent Authorization: ***").doesNotContain("s3cr3t");
  }

  @Test
  void aTokenThatTheExcerptCutWouldSplitIsMaskedWhole() throws Exception {
    String token = "s3cr3t-t0ken-0123456789";
    target.stubFor(
        get("/api/echo")
            .willReturn(
                aResponse().withStatus(401).withBody("x".repeat(2040) + token + "y".repeat(100))));
    var environment = suite.environment(base, Map.of("Authorization", "Bearer " + token));

    CheckOutcome outcome = suite.attempt(suite.read("http: {path: /echo}"), environment, TIMEOUT);

    assertThat(outcome.message())
        .contains("x".repeat(2040) + "***" + "y".repeat(5))
        .doesNotContain("s3cr3t");
  }

  @Test
  void aTokenFromTheChecksOwnHeadersIsMaskedToo() throws Exception {
    target.stubFor(
        get("/api/echo")
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody("key {{request.headers.X-Api-Key}} refused")
                    .withTransformers("response-template")));

    CheckOutcome outcome = run("http: {path: /echo, headers: {X-Api-Key: k3y-v4lue}}");

    assertThat(outcome.message()).contains("key *** refused").doesNotContain("k3y-v4lue");
  }
}
