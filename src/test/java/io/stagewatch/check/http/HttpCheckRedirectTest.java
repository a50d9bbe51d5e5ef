package io.stagewatch.check.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.config.EnvironmentConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpCheckRedirectTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @RegisterExtension
  static final WireMockExtension first =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final WireMockExtension second =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SuiteCheck suite = new SuiteCheck();

  @AfterEach
  void close() {
    suite.close();
  }

  private EnvironmentConfig environmentWithCredentials() {
    return suite.environment(
        URI.create(first.baseUrl()),
        Map.of("Authorization", "Bearer t0ken", "X-Api-Key", "k3y", "X-Trace", "abc"));
  }

  private CheckOutcome run(String yaml) throws Exception {
    return suite.attempt(suite.read(yaml), environmentWithCredentials(), TIMEOUT);
  }

  @Test
  void aRedirectToAnotherOriginDoesNotCarryTheCredentials() throws Exception {
    first.stubFor(
        get("/start")
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", second.url("/landing"))));
    second.stubFor(get("/landing").willReturn(okJson("{}")));

    CheckOutcome outcome = run("http: {path: /start, headers: {Cookie: session=c00kie}}");

    assertThat(outcome).isEqualTo(CheckOutcome.passed());
    LoggedRequest toFirst = single(first.findAll(getRequestedFor(urlEqualTo("/start"))));
    assertThat(toFirst.getHeader("Authorization")).isEqualTo("Bearer t0ken");
    assertThat(toFirst.getHeader("Cookie")).isEqualTo("session=c00kie");
    LoggedRequest toSecond = single(second.findAll(getRequestedFor(urlEqualTo("/landing"))));
    assertThat(toSecond.containsHeader("Authorization")).isFalse();
    assertThat(toSecond.containsHeader("X-Api-Key")).isFalse();
    assertThat(toSecond.containsHeader("Cookie")).isFalse();
    assertThat(toSecond.getHeader("X-Trace")).as("a header without credentials").isEqualTo("abc");
  }

  @Test
  void aRedirectWithinTheSameOriginKeepsTheCredentials() throws Exception {
    first.stubFor(
        get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
    first.stubFor(get("/new").willReturn(okJson("{}")));

    CheckOutcome outcome = run("http: {path: /old}");

    assertThat(outcome).isEqualTo(CheckOutcome.passed());
    first.verify(
        getRequestedFor(urlEqualTo("/new"))
            .withHeader("Authorization", equalTo("Bearer t0ken"))
            .withHeader("X-Api-Key", equalTo("k3y")));
  }

  @Test
  void aSeeOtherAfterAPostBecomesAGetWithoutBody() throws Exception {
    first.stubFor(
        post("/orders")
            .willReturn(aResponse().withStatus(303).withHeader("Location", "/orders/1")));
    first.stubFor(get("/orders/1").willReturn(okJson("{\"id\":1}")));

    CheckOutcome outcome =
        run("http: {method: POST, path: /orders, body: 'x=1'}\nexpect: {json: {$.id: 1}}");

    assertThat(outcome).isEqualTo(CheckOutcome.passed());
    first.verify(getRequestedFor(urlEqualTo("/orders/1")).withRequestBody(absent()));
  }

  @Test
  void aTemporaryRedirectKeepsTheMethodAndBody() throws Exception {
    first.stubFor(
        post("/orders")
            .willReturn(aResponse().withStatus(307).withHeader("Location", "/v2/orders")));
    first.stubFor(post("/v2/orders").willReturn(aResponse().withStatus(201)));

    CheckOutcome outcome = run("http: {method: POST, path: /orders, body: 'x=1'}");

    assertThat(outcome).isEqualTo(CheckOutcome.passed());
    first.verify(postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(equalTo("x=1")));
  }

  @ParameterizedTest(name = "status {0} is followed")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void everyRedirectStatusIsFollowed(int status) throws Exception {
    first.stubFor(
        get("/from").willReturn(aResponse().withStatus(status).withHeader("Location", "/to")));
    first.stubFor(get("/to").willReturn(aResponse().withStatus(200).withBody("arrived")));

    assertThat(run("http: {path: /from}\nexpect: {status: 200, bodyContains: arrived}"))
        .isEqualTo(CheckOutcome.passed());
  }

  @Test
  void aRedirectLoopIsAnErrorAfterFiveHops() throws Exception {
    first.stubFor(
        get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

    CheckOutcome outcome = run("http: {path: /loop}");

    assertThat(outcome)
        .isEqualTo(
            CheckOutcome.error(
                "more than 5 redirects (the last one to " + first.baseUrl() + "/loop)"));
    assertThat(first.findAll(getRequestedFor(urlEqualTo("/loop")))).hasSize(6);
  }

  @Test
  void aRedirectWithoutLocationIsJudgedAsAStatus() throws Exception {
    first.stubFor(get("/moved").willReturn(aResponse().withStatus(302)));

    CheckOutcome outcome = run("http: {path: /moved}");

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(outcome.message()).startsWith("expected status 2xx, got 302");
  }

  private static LoggedRequest single(List<LoggedRequest> requests) {
    assertThat(requests).hasSize(1);
    return requests.getFirst();
  }
}
