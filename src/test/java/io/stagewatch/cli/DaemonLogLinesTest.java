package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's log, as a real daemon process writes it. */
class DaemonLogLinesTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @Test
  void eachLineIsStampedAndNamesTheProgramOnce() throws Exception {
    staging.stubFor(get("/health").willReturn(ok()));
    Process daemon = new DaemonProject(dir, staging.baseUrl()).every("1m").startProcess(0);
    Path log = dir.resolve("err.log");
    try {
      // Retention is applied between slots, after the first run; its line comes named already.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !daemon.isAlive() || Files.readString(log).contains("retention: "));
    } finally {
      daemon.destroy();
      daemon.waitFor(20, TimeUnit.SECONDS);
      daemon.destroyForcibly();
    }

    assertThat(Files.readString(log))
        .containsPattern("(?m)^\\S+Z stagewatch: retention: 0 runs older than \\d+ days deleted$")
        .containsPattern("(?m)^\\S+Z stagewatch: default \\S+: PASSED$")
        .doesNotContain("stagewatch: stagewatch:");
  }
}
