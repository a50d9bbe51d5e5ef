package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.store.ResultStore;
import io.stagewatch.store.StoredResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-step suites: a check captures values from its response, later checks of its suite use them
 * as {@code ${name}}; run through the real CLI against WireMock.
 */
class CapturesTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TOKEN = "tok-8c1e55d0-captured";

  @TempDir Path dir;

  CliRun project(String suite) throws IOException {
    return new CliRun(dir)
        .config(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
            defaults:
              timeout: 10s
              retry: {attempts: 1}
            """)
        .suite("orders.yaml", suite)
        .env("STAGING_URL", staging.baseUrl());
  }

  static final String FLOW =
      """
      name: orders
      checks:
        - name: login
          http:
            method: POST
            path: /login
            body: '{"user": "smoke"}'
          capture:
            token: {json: $.access_token}
            orderUrl: {header: Location}
            id: {regex: 'order-(\\d+)'}
        - name: order
          http:
            path: /orders/${id}?expand=${id}
            headers: {Authorization: 'Bearer ${token}'}
          expect: {status: 200}
        - name: follow
          http:
            method: PUT
            url: ${orderUrl}
            body: '{"id": "${id}"}'
      """;

  void stubLogin() {
    staging.stubFor(
        post("/login")
            .willReturn(
                okJson("{\"access_token\": \"" + TOKEN + "\", \"note\": \"order-42\"}")
                    .withHeader("Location", staging.baseUrl() + "/orders/42/follow")));
  }

  @Test
  void aCapturedTokenIsSentByTheNextChecksEvenWithParallelChecks() throws Exception {
    stubLogin();
    staging.stubFor(
        get(urlPathEqualTo("/orders/42"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(ok()));
    staging.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.put("/orders/42/follow").willReturn(ok()));
    CliRun cli = project(FLOW);

    int code = cli.runChecks("--parallel", "8", "--no-store");

    assertThat(code).as(cli.out + cli.err).isZero();
    staging.verify(
        getRequestedFor(urlEqualTo("/orders/42?expand=42"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    staging.verify(
        com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlEqualTo("/orders/42/follow"))
            .withRequestBody(equalToJson("{\"id\": \"42\"}")));
  }

  @Test
  void whenTheProducerFailsItsConsumersAreSkippedWithTheReason() throws Exception {
    staging.stubFor(post("/login").willReturn(aResponse().withStatus(401)));
    CliRun cli = project(FLOW);

    int code = cli.runChecks("--no-store");

    assertThat(code).isEqualTo(1);
    JsonNode checks = new ObjectMapper().readTree(cli.report("result.json")).get("checks");
    assertThat(checks.get(0).get("status").asText()).isEqualTo("FAILED");
    assertThat(checks.get(1).get("status").asText()).isEqualTo("SKIPPED");
    assertThat(checks.get(1).get("message").asText())
        .isEqualTo("not run: ${id} was not captured (login failed)");
    assertThat(checks.get(2).get("message").asText())
        .isEqualTo("not run: ${orderUrl} was not captured (login failed)");
    staging.verify(0, getRequestedFor(urlPathEqualTo("/orders/42")));
  }

  @Test
  void aCaptureThatFindsNothingFailsItsCheckAndSaysWhat() throws Exception {
    staging.stubFor(post("/login").willReturn(okJson("{\"user\": \"smoke\"}")));
    CliRun cli = project(FLOW);

    int code = cli.runChecks("--no-store");

    assertThat(code).isEqualTo(1);
    assertThat(cli.out)
        .contains("cannot capture ${token}: the JsonPath $.access_token found nothing in the body")
        .contains("cannot capture ${orderUrl}: the response has no Location header");
    assertThat(cli.report("result.json"))
        .contains("not run: ${id} was not captured (login failed)");
  }

  @Test
  void aCapturedSecretIsMaskedInTheConsoleTheReportsAndTheStore() throws Exception {
    staging.stubFor(post("/login").willReturn(okJson("{\"sessionToken\": \"" + TOKEN + "\"}")));
    staging.stubFor(
        get("/whoami").willReturn(aResponse().withStatus(500).withBody("who? " + TOKEN)));
    staging.stubFor(post("/pin").willReturn(okJson("{\"pin\": \"pin-55117733\"}")));
    staging.stubFor(get("/echo").willReturn(aResponse().withStatus(500).withBody("pin-55117733")));
    CliRun cli =
        project(
            """
            name: orders
            checks:
              - name: login
                http: {method: POST, path: /login}
                capture:
                  sessionToken: {json: $.sessionToken}
              - name: whoami
                http:
                  path: /whoami
                  headers: {X-Session: '${sessionToken}'}
              - name: pin
                http: {method: POST, path: /pin}
                capture:
                  pin: {json: $.pin, secret: true}
              - name: echo
                http: {path: '/echo?p=${pin}'}
            """);

    int code = cli.runChecks();

    assertThat(code).isEqualTo(1);
    assertThat(cli.out).contains("who? ***").doesNotContain(TOKEN).doesNotContain("pin-55117733");
    assertThat(cli.err).doesNotContain(TOKEN).doesNotContain("pin-55117733");
    try (ResultStore store = cli.openStore()) {
      List<StoredResult> stored = store.resultsOfLastRuns("staging", 1);
      assertThat(stored)
          .extracting(r -> String.valueOf(r.message()))
          .anyMatch(m -> m.contains("who? ***"));
    }
    assertThat(cli.writtenFilesHolding(TOKEN, "pin-55117733")).isEmpty();
  }

  @Test
  void aReferenceToNoVariableAndNoEarlierCaptureIsAValidateErrorWithFileAndLine() throws Exception {
    CliRun cli =
        project(
            """
            name: orders
            checks:
              - name: login
                http: {method: POST, path: /login}
                capture:
                  token: {json: $.access_token}
              - name: order
                http:
                  path: /orders
                  headers: {Authorization: 'Bearer ${tokn}'}
            """);

    int code = cli.run("validate", "-c", cli.configFile().toString());

    assertThat(code).isEqualTo(2);
    assertThat(cli.err)
        .contains("orders.yaml:10")
        .contains(
            "environment variable tokn is not set and has no default, and no earlier check of the"
                + " suite captures tokn");
  }
}
