package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code retry.until} is a deadline: a check that keeps failing reports within {@code until} plus
 * one attempt's {@code timeout}, through {@code stagewatch run} against a target that never gets
 * better.
 */
class PollingDeadlineTest {
  @RegisterExtension
  static final WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Room for the run's own work around the check; far below the overshoot being ruled out. */
  static final Duration SLACK = Duration.ofMillis(500);

  @TempDir Path dir;

  @ParameterizedTest(name = "until {0}, every {1}, timeout {2}, target answers after {3}ms")
  @CsvSource({
    // A target that fails at once: attempts at 0, 1.5 s and at the deadline, 2 s.
    "2s, 1500ms, 1s, 0, 3",
    // A target that never answers: attempts at 0 and 1.5 s, each cut at 1 s.
    "2s, 1500ms, 1s, 5000, 2",
    // The default `every` (10s) is longer than `until`: one attempt at 0, the last at 3 s.
    "3s, , 1s, 0, 2",
  })
  void aCheckThatKeepsFailingReportsWithinUntilPlusOneTimeout(
      String until, String every, String timeout, int delayMs, int attempts) throws Exception {
    staging.stubFor(
        get("/version").willReturn(aResponse().withStatus(503).withFixedDelay(delayMs)));
    String retry = "{until: " + until + (every == null ? "" : ", every: " + every) + "}";
    CliRun cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging: {baseUrl: "${STAGING_URL}"}
                """)
            .env("STAGING_URL", staging.baseUrl())
            .suite(
                "deploy.yaml",
                """
                name: deploy
                tags: [deploy]
                checks:
                  - name: live
                    timeout: %s
                    retry: %s
                    http: {path: /version}
                """
                    .formatted(timeout, retry));

    long start = System.nanoTime();
    int exit = cli.runChecks("-t", "deploy", "--no-store");
    Duration wall = Duration.ofNanos(System.nanoTime() - start);

    assertThat(exit).as(cli.out + cli.err).isEqualTo(ExitCodes.FAILED);
    JsonNode check = new ObjectMapper().readTree(cli.report("result.json")).at("/checks/0");
    Duration deadline = Objects.requireNonNull(Durations.parse(until));
    Duration bound = deadline.plus(Objects.requireNonNull(Durations.parse(timeout))).plus(SLACK);
    Duration reported = Duration.ofMillis(check.get("durationMs").asLong());
    assertThat(reported).as("the check polled until its deadline").isGreaterThanOrEqualTo(deadline);
    assertThat(reported).as("the check's reported duration").isLessThan(bound);
    assertThat(wall).as("the whole run").isLessThan(bound.plus(Duration.ofSeconds(2)));
    assertThat(check.get("attempts").asInt()).isEqualTo(attempts);
    assertThat(check.get("message").asText())
        .startsWith("still not passing after " + until + " (" + attempts + " attempts): ");
  }
}
