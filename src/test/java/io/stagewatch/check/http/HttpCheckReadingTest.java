package io.stagewatch.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.check.CheckSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpCheckReadingTest {
  private final SuiteCheck suite = new SuiteCheck();

  @AfterEach
  void close() {
    suite.close();
  }

  @Test
  void aFullCheckIsReadWithEveryField() {
    CheckSpec spec =
        suite.read(
            """
            http:
              method: post
              path: /orders?dry=1
              headers: {Accept: application/json}
              body: '{"id": 1}'
              insecure: true
            expect:
              status: [200, 3xx]
              json:
                $.status: UP
                $.gone: null
              bodyContains: UP
              headers: {Content-Type: json}
              maxResponseTime: 2s
              degradedResponseTime: 800ms
            """);

    assertThat(spec)
        .isEqualTo(
            new HttpCheckSpec(
                new HttpRequestSpec(
                    "POST",
                    "/orders?dry=1",
                    null,
                    Map.of("Accept", "application/json"),
                    "{\"id\": 1}",
                    true),
                new HttpExpectations(
                    new StatusExpectation(List.of("200", "3xx")),
                    Map.of("$.status", "UP", "$.gone", "null"),
                    "UP",
                    Map.of("Content-Type", "json"),
                    Duration.ofSeconds(2),
                    Duration.ofMillis(800),
                    null)));
    assertThat(spec.flags()).containsExactly("insecure");
  }

  @Test
  void aMinimalCheckIsAGetThatExpectsA2xx() {
    CheckSpec spec = suite.read("http: {path: /health}");

    assertThat(spec)
        .isEqualTo(
            new HttpCheckSpec(
                new HttpRequestSpec("GET", "/health", null, Map.of(), null, false),
                HttpExpectations.DEFAULT));
    assertThat(spec.flags()).isEmpty();
  }

  @Test
  void anUnknownKeyInTheHttpMapIsReportedWithItsLine() {
    assertThat(suite.problems("http:\n  path: /health\n  metod: GET\n"))
        .singleElement()
        .asString()
        .startsWith("suite.yaml:3:3: checks[0].http.metod: unknown key (expected one of:")
        .contains("method");
  }

  @Test
  void anUnknownKeyInTheExpectMapIsReportedWithItsLine() {
    assertThat(suite.problems("http:\n  path: /health\nexpect:\n  statuss: 200\n"))
        .singleElement()
        .asString()
        .startsWith("suite.yaml:4:3: checks[0].expect.statuss: unknown key")
        .contains("status");
  }

  @Test
  void aCheckWithBothPathAndUrlIsRejected() {
    assertThat(suite.problems("http:\n  path: /health\n  url: http://example.test/health\n"))
        .containsExactly("suite.yaml:3:8: checks[0].http.url: give either path or url, not both");
  }

  @Test
  void aCheckWithNeitherPathNorUrlIsRejected() {
    assertThat(suite.problems("http:\n  method: GET\n"))
        .singleElement()
        .asString()
        .startsWith(
            "suite.yaml:2:3: checks[0].http: expected path: (joined to the environment's baseUrl)");
  }

  @Test
  void aNullPathCountsAsNoPath() {
    assertThat(suite.problems("http:\n  path: ~\n"))
        .singleElement()
        .asString()
        .startsWith(
            "suite.yaml:2:3: checks[0].http: expected path: (joined to the environment's baseUrl)");
  }

  @ParameterizedTest(name = "{0} is rejected: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "path: health          | expected a path starting with /, got 'health'",
        "url: /health          | expected an absolute http(s) URL, got '/health'",
        "url: ftp://h/health   | expected an absolute http(s) URL",
        "method: FETCH         | expected one of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT,"
            + " TRACE",
        "insecure: maybe       | expected true or false, got 'maybe'",
        "headers: {Host: x}    | Host is set by the HTTP client and cannot be given",
      })
  void aBadRequestValueIsReportedAtItsLine(String line, String message) {
    String yaml =
        "http:\n  "
            + line
            + (line.startsWith("path") || line.startsWith("url") ? "" : "\n  path: /x");

    assertThat(suite.problems(yaml))
        .singleElement()
        .asString()
        .startsWith("suite.yaml:2:")
        .contains(message);
  }

  @ParameterizedTest(name = "{0} is rejected: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "status: 999              | expected a status code such as 200, a class such as 2xx, or a"
            + " list, got '999'",
        "status: [200, OK]        | got '200, OK'",
        "status: 6xx              | got '6xx'",
        "maxResponseTime: soon    | expected a duration such as 500ms, 10s, 5m or 24h, got 'soon'",
        "json: {'$.[': x}         | not a valid JsonPath",
      })
  void aBadExpectationIsReportedAtItsLine(String line, String message) {
    assertThat(suite.problems("http:\n  path: /x\nexpect:\n  " + line + "\n"))
        .singleElement()
        .asString()
        .startsWith("suite.yaml:4:")
        .contains(message);
  }

  @Test
  void everyProblemOfACheckIsReportedAtOnce() {
    List<String> problems =
        suite.problems(
            """
            http:
              path: nope
              method: FETCH
              colour: red
            expect:
              status: great
              maxResponseTime: later
            """);

    assertThat(problems).hasSize(5);
  }
}
