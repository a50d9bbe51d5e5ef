package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An environment's OAuth2 client credentials, through the real CLI against WireMock. */
class OAuth2RunsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension identity =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String CLIENT_SECRET = "cl1ent-s3cret-9f8e7d";
  static final String TOKEN = "eyJ-oauth-token-6a5b4c3d";

  static final String THREE_CHECKS =
      """
      name: api
      checks:
        - name: orders
          http: {path: /orders}
        - name: cart
          http: {path: /cart}
        - name: users
          http: {path: /users}
      """;

  @TempDir Path dir;

  CliRun project() throws IOException {
    return new CliRun(dir)
        .config(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
                auth:
                  oauth2:
                    tokenUrl: ${IDENTITY_URL}/oauth/token
                    clientId: smoke-runner
                    clientSecret: ${STAGEWATCH_CLIENT_SECRET}
                    scopes: [orders.read, cart.read]
                    audience: https://api.shop.test
            defaults:
              timeout: 10s
              retry: {attempts: 2, delay: 10ms}
            """)
        .suite("api.yaml", THREE_CHECKS)
        .env("STAGING_URL", staging.baseUrl())
        .env("IDENTITY_URL", identity.baseUrl())
        .env("STAGEWATCH_CLIENT_SECRET", CLIENT_SECRET);
  }

  @Test
  void theTokenIsFetchedOnceForTheRunAndSentAsBearerByEveryCheck() throws Exception {
    identity.stubFor(
        post("/oauth/token")
            .willReturn(
                okJson(
                    "{\"access_token\": \""
                        + TOKEN
                        + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}")));
    staging.stubFor(
        get(urlPathEqualTo("/orders"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(ok()));
    staging.stubFor(
        get(urlPathEqualTo("/cart"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(ok()));
    staging.stubFor(
        get(urlPathEqualTo("/users"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(aResponse().withStatus(500).withBody("token was " + TOKEN)));
    CliRun cli = project();

    int code = cli.runChecks("--parallel", "8");

    assertThat(code).as(cli.out + cli.err).isEqualTo(1);
    String basic =
        Base64.getEncoder()
            .encodeToString(("smoke-runner:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    identity.verify(
        1,
        postRequestedFor(urlPathEqualTo("/oauth/token"))
            .withHeader("Authorization", equalTo("Basic " + basic))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withRequestBody(
                equalTo(
                    "grant_type=client_credentials&scope=orders.read+cart.read"
                        + "&audience=https%3A%2F%2Fapi.shop.test")));
    for (String path : new String[] {"/orders", "/cart"}) {
      staging.verify(
          1,
          getRequestedFor(urlPathEqualTo(path))
              .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }
    assertThat(cli.out).contains("token was ***");
    assertNothingShows(cli);
  }

  @Test
  void aRefusedTokenFailsEveryHttpCheckWithOneReasonAndAsksOnce() throws Exception {
    identity.stubFor(
        post("/oauth/token")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\": \"invalid_client\", \"error_description\": \"bad secret "
                            + CLIENT_SECRET
                            + "\"}")));
    CliRun cli = project();

    int code = cli.runChecks();

    assertThat(code).isEqualTo(1);
    identity.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    staging.verify(0, getRequestedFor(urlPathEqualTo("/orders")));
    String reason =
        "cannot get an OAuth2 token from "
            + identity.baseUrl()
            + "/oauth/token: HTTP 401 (invalid_client: bad secret ***)";
    JsonNode checks = new ObjectMapper().readTree(cli.report("result.json")).get("checks");
    assertThat(checks).hasSize(3);
    for (JsonNode check : checks) {
      assertThat(check.get("status").asText()).isEqualTo("ERROR");
      assertThat(check.get("message").asText()).startsWith(reason);
    }
    assertThat(cli.out + cli.err)
        .contains(reason)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertNothingShows(cli);
  }

  /** Neither the client secret nor the token shows in the console, the reports or the store. */
  private void assertNothingShows(CliRun cli) throws IOException {
    assertThat(cli.out + cli.err).doesNotContain(CLIENT_SECRET).doesNotContain(TOKEN);
    assertThat(cli.writtenFilesHolding(CLIENT_SECRET, TOKEN)).isEmpty();
  }
}
