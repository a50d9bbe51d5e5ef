package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stagewatch.check.tls.TestCertificates;
import io.stagewatch.check.tls.TlsServer;
import io.stagewatch.report.prometheus.Promtool;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.StatusEndpoints;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon running a tls check serves the certificate's expiry on {@code /metrics}, from the run it
 * holds in memory, though the store (which keeps no expiry) holds the same run.
 */
class DaemonCertificateMetricsTest {
  @TempDir Path dir;

  @Test
  void theDaemonsMetricsCarryTheCertificatesExpiry(@TempDir Path tmp) throws Exception {
    TestCertificates.Identity identity =
        TestCertificates.selfSigned(Duration.ofDays(60), "localhost");
    try (TlsServer server = new TlsServer(identity)) {
      DaemonProject project = new DaemonProject(dir, "http://127.0.0.1:9").storeInSqlite();
      project
          .write()
          .suite(
              "health.yaml",
              """
              name: health
              checks:
                - name: certificate
                  tls: {host: localhost, port: %d, insecure: true}
                  expect: {validFor: 14d}
              """
                  .formatted(server.port()));
      Daemon daemon =
          project.daemon(project.workspace(), DaemonProject.silent(), Duration.ofSeconds(5));
      try (StatusEndpoints endpoints = project.endpoints(project.workspace(), daemon)) {
        daemon.start();
        try {
          await()
              .atMost(Duration.ofSeconds(15))
              .until(() -> DaemonProject.outcomes(daemon, SlotOutcome.PASSED) >= 1);
        } finally {
          daemon.stop(Duration.ofSeconds(5));
        }
        HttpResponse<String> response = endpoints.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        Promtool.assertClean(response.body(), tmp);
        assertThat(response.body())
            .contains(
                "stagewatch_certificate_expiry_timestamp_seconds{check=\"certificate\","
                    + "environment=\"staging\",schedule=\"default\",suite=\"health\"} "
                    + (double) identity.leaf().getNotAfter().toInstant().getEpochSecond());
      }
    }
  }
}
