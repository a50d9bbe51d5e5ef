package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets that travel in URLs and headers: credential query parameters, a webhook's path, a value
 * in a config error, and headers that must not follow a redirect to another origin.
 */
class SecretsInUrlsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Another origin (another port) that staging redirects to. */
  @RegisterExtension
  static WireMockExtension elsewhere =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String SESSION = "sess-4f1c-88a0-secret";

  @TempDir Path dir;

  CliRun project(String headers, String suite) throws IOException {
    return new CliRun(dir)
        .config(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
                headers:
            %s
            defaults:
              retry: {attempts: 1}
            """
                .formatted(headers.indent(6).stripTrailing()))
        .suite("urls.yaml", suite)
        .env("STAGING_URL", staging.baseUrl())
        .env("ELSEWHERE_URL", elsewhere.baseUrl())
        .env("STAGING_SESSION_TOKEN", SESSION);
  }

  @Test
  void aRedirectToAnotherOriginDropsEveryHeaderThatHoldsASecret() throws Exception {
    staging.stubFor(
        get("/start")
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/end")));
    elsewhere.stubFor(get("/end").willReturn(ok()));
    CliRun cli =
        project(
            """
            X-Session: ${STAGING_SESSION_TOKEN}
            X-Forwarded-Session: session=${STAGING_SESSION_TOKEN}; path=/
            X-Trace: trace-77
            """,
            """
            name: urls
            checks:
              - name: start
                http: {path: /start}
            """);

    assertThat(cli.runChecks("-s", "urls", "--no-store")).as(cli.out + cli.err).isZero();

    staging.verify(
        getRequestedFor(urlPathEqualTo("/start")).withHeader("X-Session", equalTo(SESSION)));
    elsewhere.verify(
        getRequestedFor(urlPathEqualTo("/end"))
            .withHeader("X-Session", absent())
            .withHeader("X-Forwarded-Session", absent())
            .withHeader("X-Trace", equalTo("trace-77")));
  }

  @Test
  void credentialQueryParametersAreMaskedWhereverTheirUrlIsPrinted() throws Exception {
    staging.stubFor(
        get(urlPathEqualTo("/loop"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "/loop?access_token=srv-made-5150&page=2")));
    staging.stubFor(
        get(urlPathEqualTo("/signed"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("no object at {{request.url}}")
                    .withTransformers("response-template")));
    CliRun cli =
        project(
            "X-Trace: trace-77",
            """
            name: urls
            checks:
              - name: loop
                http: {path: /loop}
              - name: signed
                http: {path: "/signed?sig=s1g-v4lue&api_key=k3y-v4lue&Signature=s1gn4ture&page=2"}
            """);

    assertThat(cli.runChecks("-s", "urls", "--no-store")).isEqualTo(ExitCodes.FAILED);

    for (String output : new String[] {cli.out, cli.report("result.json")}) {
      assertThat(output)
          .contains("/loop?access_token=***&page=2)")
          .contains("no object at /signed?sig=***&api_key=***&Signature=***&page=2")
          .doesNotContain("srv-made-5150")
          .doesNotContain("s1g-v4lue")
          .doesNotContain("k3y-v4lue")
          .doesNotContain("s1gn4ture");
    }
  }

  @Test
  void aConfigErrorShowsTheValueWithItsSecretsMasked() throws Exception {
    CliRun cli =
        project(
                "X-Trace: trace-77",
                """
                name: urls
                checks:
                  - name: typo
                    http: {url: "htp://h/?k=${API_KEY}"}
                  - name: literal
                    http: {url: "htp://h/?token=wr1tten-in-the-suite"}
                """)
            .env("API_KEY", "k9");

    assertThat(cli.run("validate", "-c", dir.resolve("config/stagewatch.yaml").toString()))
        .isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err)
        .contains("url: expected an absolute http(s) URL, got 'htp://h/?k=***'")
        .contains("url: expected an absolute http(s) URL, got 'htp://h/?token=***'")
        .doesNotContain("k9")
        .doesNotContain("wr1tten");
  }

  @Test
  void aWebhookPathThatSlackEchoesIsMasked() throws Exception {
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(503)));
    SlackWebhook.answers(
        slack,
        404,
        "no_service: " + SlackWebhook.PATH + " (" + SlackWebhook.PATH.replace("/", "\\/") + ")");
    CliRun cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                defaults:
                  retry: {attempts: 1}
                notify:
                  slack:
                    webhookUrl: ${SLACK_WEBHOOK_URL}
                """)
            .suite("health.yaml", CliRun.ONE_HEALTH_CHECK)
            .env("STAGING_URL", staging.baseUrl())
            .env("SLACK_WEBHOOK_URL", SlackWebhook.url(slack));

    assertThat(cli.runChecks("-s", "health", "--no-store")).isEqualTo(ExitCodes.FAILED);

    assertThat(SlackWebhook.posts(slack)).as("the alert was offered").hasSize(1);
    for (String output : new String[] {cli.out + cli.err, cli.report("result.json")}) {
      assertThat(output).contains("no_service").doesNotContain("hooksecret");
    }
  }
}
