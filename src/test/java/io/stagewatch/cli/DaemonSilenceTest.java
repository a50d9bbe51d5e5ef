package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.TestClock;
import io.stagewatch.app.Notifiers;
import io.stagewatch.app.ScheduledRuns;
import io.stagewatch.notify.Alerting;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.StatusEndpoints;
import io.stagewatch.suite.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon reads the silences at every slot: one added from another shell holds back the next
 * slot's alert, its endpoints mark the check silenced, and the alert goes out once it is over.
 */
class DaemonSilenceTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  static void healthAnswers(int status) {
    staging.resetAll();
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(status)));
  }

  @Test
  void aSilenceAddedFromAnotherShellAppliesToTheDaemonsNextSlot() throws Exception {
    TestClock clock = new TestClock();
    SlackWebhook.answers(slack, 200, "ok");
    healthAnswers(200);
    DaemonProject project =
        new DaemonProject(dir, staging.baseUrl())
            .clock(clock)
            .every("1m")
            .storeInSqlite()
            .slack(SlackWebhook.url(slack));
    Workspace workspace = project.load();
    try (Alerting notifications = Notifiers.of(workspace.config(), clock).orElseThrow()) {
      Daemon daemon =
          project.daemon(
              workspace,
              project.slots(
                  workspace,
                  DaemonProject.silent(),
                  Duration.ofSeconds(5),
                  notifications,
                  ScheduledRuns.OUTBOX_EVERY,
                  ScheduledRuns.RETENTION_EVERY));
      try (StatusEndpoints endpoints = project.endpoints(workspace, daemon)) {
        daemon.start();
        try {
          await().atMost(Duration.ofSeconds(20)).until(() -> daemon.records().size() == 1);

          CliRun shell = project.cli;
          String config = shell.configFile().toString();
          assertThat(
                  shell.run("silence", "add", "-c", config, "--for", "90s", "--reason", "deploy"))
              .as(shell.err)
              .isZero();
          healthAnswers(503);
          clock.advance(Duration.ofMinutes(1));
          await().atMost(Duration.ofSeconds(20)).until(() -> daemon.records().size() == 2);
          assertThat(SlackWebhook.posts(slack)).as("silenced: no alert").isEmpty();
          assertThat(endpoints.get("/metrics").body())
              .contains(
                  "stagewatch_check_silenced{check=\"up\",environment=\"staging\","
                      + "schedule=\"default\",suite=\"health\"} 1");
          assertThat(endpoints.get("/").body()).contains("silenced: deploy");
          JsonNode check = DaemonEndpointsTest.firstCheck(endpoints);
          assertThat(check.path("status").asText()).isEqualTo("FAILED");
          assertThat(check.path("state").asText()).isEqualTo("silenced");
          assertThat(check.path("silenced").asText()).isEqualTo("deploy");

          clock.advance(Duration.ofMinutes(1));
          await().atMost(Duration.ofSeconds(20)).until(() -> daemon.records().size() == 3);
          await()
              .atMost(Duration.ofSeconds(20))
              .untilAsserted(
                  () ->
                      assertThat(SlackWebhook.posts(slack))
                          .as("the silence is over: the alert goes out")
                          .singleElement()
                          .satisfies(p -> assertThat(p.getBodyAsString()).contains("health/up")));
          assertThat(endpoints.get("/metrics").body())
              .contains(
                  "stagewatch_check_silenced{check=\"up\",environment=\"staging\","
                      + "schedule=\"default\",suite=\"health\"} 0");
        } finally {
          daemon.stop(Duration.ofSeconds(5));
        }
      }
    }
  }
}
