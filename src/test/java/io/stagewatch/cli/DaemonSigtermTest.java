package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.store.StoredRun;
import io.stagewatch.store.StoredRunStatus;
import io.stagewatch.store.jdbc.JdbcResultStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a real daemon process in the middle of a run. */
class DaemonSigtermTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @Test
  void sigtermDuringARunLetsItFinishRecordedAndExitsZero() throws Exception {
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
    // No store in the config: the daemon records its runs in the default SQLite store.
    Process daemon = new DaemonProject(dir, staging.baseUrl()).startProcess(0);
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !staging.findAll(getRequestedFor(urlEqualTo("/health"))).isEmpty());
      daemon.destroy(); // SIGTERM
      assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      daemon.destroyForcibly();
    }

    assertThat(daemon.exitValue()).isZero();
    assertThat(Files.readString(dir.resolve("err.log"))).contains("stopped");
    try (JdbcResultStore store =
        JdbcResultStore.open(
            "jdbc:sqlite:" + dir.resolve(".stagewatch/stagewatch.db"), dir, Clock.systemUTC())) {
      List<StoredRun> runs = store.lastRuns("staging", 10);
      assertThat(runs).isNotEmpty();
      assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo(StoredRunStatus.PASSED));
    }
    // The run's reports were written whole.
    new ObjectMapper().readTree(dir.resolve("reports/result.json").toFile());
  }
}
