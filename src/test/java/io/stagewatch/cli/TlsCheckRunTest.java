package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.FreePort;
import io.stagewatch.check.tls.TestCertificates;
import io.stagewatch.check.tls.TlsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagewatch run} with tls checks against real TLS servers on loopback, presenting
 * certificates made by the test: by a certificate authority given as {@code caFile}, or by
 * themselves.
 */
class TlsCheckRunTest {
  @TempDir Path dir;
  CliRun cli;
  TestCertificates certificates;
  final List<TlsServer> servers = new ArrayList<>();

  @BeforeEach
  void project() throws Exception {
    certificates = new TestCertificates();
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: http://127.0.0.1:9
                defaults:
                  timeout: 5s
                  retry: {attempts: 2, delay: 10ms}
                """);
    cli.suite("tls.yaml", "name: none\nchecks: []\n");
    certificates.writeAuthority(dir.resolve("suites/ca.pem"));
  }

  @AfterEach
  void stopServers() throws Exception {
    for (TlsServer server : servers) {
      server.close();
    }
  }

  private int serve(TestCertificates.Identity identity) throws Exception {
    TlsServer server = new TlsServer(identity);
    servers.add(server);
    return server.port();
  }

  private int runSuite(String checks) throws Exception {
    cli.suite("tls.yaml", "name: certificates\ntags: [tls]\nchecks:\n" + checks);
    return cli.runChecks("--no-store");
  }

  /** Runs "api certificate", a check of a server presenting {@code identity} for 14 days. */
  private int runValidFor14Days(TestCertificates.Identity identity) throws Exception {
    return runSuite(
        """
          - name: api certificate
            tls: {host: localhost, port: %d, caFile: ca.pem}
            expect: {validFor: 14d}
        """
            .formatted(serve(identity)));
  }

  @Test
  void aCertificateValidLongEnoughPassesAndRecordsItsExpiry() throws Exception {
    TestCertificates.Identity identity =
        certificates.server(Duration.ofDays(30).plusHours(2), "localhost");

    assertThat(runValidFor14Days(identity)).as(cli.out + cli.err).isZero();

    ResultChecks checks = new ResultChecks(cli.report("result.json"));
    Instant expiry = identity.leaf().getNotAfter().toInstant();
    assertThat(checks.status("api certificate")).isEqualTo("PASSED");
    assertThat(checks.message("api certificate"))
        .isEqualTo("certificate valid until " + expiry + " (30 days left)");
    assertThat(checks.get("api certificate").get("certificateExpiry").asText())
        .isEqualTo(expiry.toString());
    assertThat(cli.report("metrics.prom"))
        .contains(
            "stagewatch_certificate_expiry_timestamp_seconds{check=\"api certificate\","
                + "environment=\"staging\",schedule=\"adhoc\",suite=\"certificates\"} "
                + (double) expiry.getEpochSecond());
  }

  @Test
  void aCertificateThatExpiresTooSoonFailsWithoutRetryAndSaysWhen() throws Exception {
    TestCertificates.Identity identity =
        certificates.server(Duration.ofDays(5).plusHours(2), "localhost");

    assertThat(runValidFor14Days(identity)).isEqualTo(1);

    ResultChecks checks = new ResultChecks(cli.report("result.json"));
    Instant expiry = identity.leaf().getNotAfter().toInstant();
    assertThat(checks.status("api certificate")).isEqualTo("FAILED");
    assertThat(checks.message("api certificate"))
        .isEqualTo(
            "certificate expires "
                + expiry
                + " (5 days left), sooner than validFor 14d (not retried)");
    assertThat(checks.attempts("api certificate")).isEqualTo(1);
    assertThat(checks.get("api certificate").get("certificateExpiry").asText())
        .isEqualTo(expiry.toString());
    assertThat(cli.report("metrics.prom"))
        .contains("stagewatch_certificate_expiry_timestamp_seconds{check=\"api");
  }

  @Test
  void aSelfSignedCertificateIsUntrustedUnlessTheCheckIsInsecure() throws Exception {
    int port = serve(TestCertificates.selfSigned(Duration.ofDays(90), "localhost"));

    int exit =
        runSuite(
            """
              - name: verified
                tls: {host: localhost, port: %1$d}
              - name: insecure
                tls: {host: localhost, port: %1$d, insecure: true}
                expect: {validFor: 14d}
            """
                .formatted(port));

    assertThat(exit).isEqualTo(1);
    ResultChecks checks = new ResultChecks(cli.report("result.json"));
    assertThat(checks.status("verified")).isEqualTo("FAILED");
    assertThat(checks.message("verified"))
        .isEqualTo(
            "certificate not trusted: it is self-signed (issued for localhost by localhost)"
                + " (not retried)");
    assertThat(checks.status("insecure")).isEqualTo("PASSED");
    assertThat(checks.get("insecure").get("flags").toString()).isEqualTo("[\"insecure\"]");
    assertThat(checks.message("insecure")).contains("(89 days left)");
  }

  @Test
  void aCertificateForAnotherHostFails() throws Exception {
    int port = serve(certificates.server(Duration.ofDays(90), "other.example"));

    int exit =
        runSuite(
            """
              - name: api certificate
                tls: {host: 127.0.0.1, serverName: localhost, port: %d, caFile: ca.pem}
            """
                .formatted(port));

    assertThat(exit).isEqualTo(1);
    ResultChecks checks = new ResultChecks(cli.report("result.json"));
    assertThat(checks.status("api certificate")).isEqualTo("FAILED");
    assertThat(checks.message("api certificate"))
        .isEqualTo("certificate for other.example does not match host localhost (not retried)");
  }

  @Test
  void aClosedPortIsAnErrorThatIsRetried() throws Exception {
    int port = FreePort.pick();

    int exit = runSuite("  - name: gone\n    tls: {host: 127.0.0.1, port: %d}\n".formatted(port));

    assertThat(exit).isEqualTo(1);
    ResultChecks checks = new ResultChecks(cli.report("result.json"));
    assertThat(checks.status("gone")).isEqualTo("ERROR");
    assertThat(checks.message("gone"))
        .isEqualTo("connection refused by 127.0.0.1:" + port + " (all 2 attempts failed)");
    assertThat(checks.attempts("gone")).isEqualTo(2);
  }
}
