package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagewatch run} with https checks: the certificate the response came with is recorded and
 * judged against {@code expect.certificateValidFor}.
 */
class HttpsCertificateRunTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
          .build();

  @TempDir Path dir;

  @Test
  void anHttpsCheckRecordsItsCertificateAndFailsWhenItExpiresTooSoon() throws Exception {
    staging.stubFor(get("/health").willReturn(okJson("{\"status\":\"UP\"}")));
    CliRun cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                defaults:
                  retry: {attempts: 3, delay: 10ms}
                """)
            .env("STAGING_URL", "http://localhost:" + staging.getPort())
            .env("HTTPS_URL", "https://localhost:" + staging.getHttpsPort() + "/health")
            .suite(
                "https.yaml",
                """
                name: https
                checks:
                  - name: lasting
                    http: {url: "${HTTPS_URL}", insecure: true}
                    expect: {certificateValidFor: 14d}
                  - name: recorded
                    http: {url: "${HTTPS_URL}", insecure: true}
                  - name: too short
                    http: {url: "${HTTPS_URL}", insecure: true}
                    expect: {certificateValidFor: 100000d}
                  - name: plain
                    http: {path: /health}
                    expect: {certificateValidFor: 14d}
                """);

    assertThat(cli.runChecks("--no-store")).as(cli.out + cli.err).isEqualTo(1);

    ResultChecks checks = new ResultChecks(cli.report("result.json"));
    Instant expiry = Instant.parse(checks.get("lasting").get("certificateExpiry").asText());
    assertThat(expiry).isAfter(Instant.now().plus(java.time.Duration.ofDays(14)));
    assertThat(checks.status("lasting")).isEqualTo("PASSED");
    assertThat(checks.message("lasting")).startsWith("certificate valid until " + expiry + " (");
    assertThat(checks.status("recorded")).isEqualTo("PASSED");
    assertThat(checks.get("recorded").get("message").isNull()).isTrue();
    assertThat(checks.get("recorded").get("certificateExpiry").asText())
        .isEqualTo(expiry.toString());
    assertThat(checks.status("too short")).isEqualTo("FAILED");
    assertThat(checks.message("too short"))
        .startsWith("certificate expires " + expiry + " (")
        // The note ends the first line; the body's excerpt follows it.
        .contains("sooner than validFor 100000d (not retried)\nbody: ");
    assertThat(checks.attempts("too short")).isEqualTo(1);
    assertThat(checks.status("plain")).isEqualTo("FAILED");
    assertThat(checks.message("plain"))
        .startsWith("certificateValidFor: the response came without a certificate (plain http)");
    assertThat(checks.get("plain").has("certificateExpiry")).isFalse();
    assertThat(cli.report("metrics.prom"))
        .contains(
            "stagewatch_certificate_expiry_timestamp_seconds{check=\"recorded\","
                + "environment=\"staging\",schedule=\"adhoc\",suite=\"https\"} "
                + (double) expiry.getEpochSecond());
  }
}
