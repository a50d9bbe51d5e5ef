package io.stagewatch.cli;

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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.stagewatch.TestClock;
import io.stagewatch.app.DaemonService;
import io.stagewatch.app.RunOutput;
import io.stagewatch.app.RunPipeline;
import io.stagewatch.app.ScheduledRuns;
import io.stagewatch.schedule.LastRuns;
import io.stagewatch.schedule.Schedule;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.suite.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The daemon keeps an OAuth2 token across its runs until shortly before it expires. */
class DaemonOAuth2Test {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension identity =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @Test
  void aTokenServesLaterRunsUntilShortlyBeforeItExpiresThenANewOneIsFetched() throws Exception {
    identity.stubFor(
        post("/token")
            .inScenario("tokens")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"access_token\": \"first-token-1111\", \"expires_in\": 3600}"))
            .willSetStateTo("renewed"));
    identity.stubFor(
        post("/token")
            .inScenario("tokens")
            .whenScenarioStateIs("renewed")
            .willReturn(okJson("{\"access_token\": \"second-token-2222\", \"expires_in\": 3600}")));
    staging.stubFor(get("/health").willReturn(ok()));
    CliRun cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                    auth:
                      oauth2:
                        tokenUrl: ${IDENTITY_URL}/token
                        clientId: smoke
                        clientSecret: ${CLIENT_SECRET}
                defaults:
                  timeout: 10s
                  retry: {attempts: 1}
                schedules:
                  - suites: [health]
                    every: 15m
                """)
            .suite("health.yaml", CliRun.ONE_HEALTH_CHECK)
            .env("STAGING_URL", staging.baseUrl())
            .env("IDENTITY_URL", identity.baseUrl())
            .env("CLIENT_SECRET", "client-secret-3333");
    TestClock clock = new TestClock();
    Workspace workspace = Workspace.load(cli.configFile(), null, cli.environment, false);
    RunOutput output = RunOutput.of(DaemonProject.silent(), DaemonProject.silent());
    try (RunPipeline pipeline = RunPipeline.with(workspace, null, clock, Map.of(), output)) {
      ScheduledRuns slots =
          new ScheduledRuns(
              pipeline, output, new LastRuns(), dir.resolve("reports"), Duration.ofSeconds(5));
      Schedule schedule = DaemonService.schedules(workspace.config()).get(0);

      assertThat(slots.run(schedule, clock.instant())).isEqualTo(SlotOutcome.PASSED);
      clock.advance(Duration.ofMinutes(30));
      assertThat(slots.run(schedule, clock.instant())).isEqualTo(SlotOutcome.PASSED);
      identity.verify(1, postRequestedFor(urlPathEqualTo("/token")));

      // 20 s before the hour is up: within the last 30 s of the token's life, it is renewed.
      clock.advance(Duration.ofMinutes(29).plusSeconds(40));
      assertThat(slots.run(schedule, clock.instant())).isEqualTo(SlotOutcome.PASSED);
    }

    identity.verify(2, postRequestedFor(urlPathEqualTo("/token")));
    staging.verify(
        2,
        getRequestedFor(urlPathEqualTo("/health"))
            .withHeader("Authorization", equalTo("Bearer first-token-1111")));
    staging.verify(
        1,
        getRequestedFor(urlPathEqualTo("/health"))
            .withHeader("Authorization", equalTo("Bearer second-token-2222")));
  }
}
