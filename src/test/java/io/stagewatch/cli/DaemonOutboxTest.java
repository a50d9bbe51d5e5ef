package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.TestClock;
import io.stagewatch.app.Notifiers;
import io.stagewatch.app.ScheduledRuns;
import io.stagewatch.notify.Alerting;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The daemon delivers notices left in the outbox between slots, without waiting for a run. */
class DaemonOutboxTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  static void slackAnswers(int status, String body) {
    slack.resetAll();
    SlackWebhook.answers(slack, status, body);
  }

  static int slackRequests() {
    return SlackWebhook.posts(slack).size();
  }

  @Test
  void aNoticeLeftPendingIsDeliveredByAnIdleTickWithoutAnotherRun() throws Exception {
    DaemonProject project =
        new DaemonProject(dir, staging.baseUrl())
            .timeout("3s")
            .storeInSqlite()
            .slack(SlackWebhook.url(slack))
            .noSchedule();
    CliRun cli = project.write();
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(500)));
    slackAnswers(500, "rollup_error");
    assertThat(cli.runChecks("-s", "health")).isEqualTo(ExitCodes.FAILED);
    assertThat(cli.err).contains("not delivered yet");
    try (JdbcResultStore store = JdbcResultStore.open(project.sqlite(), dir, Clock.systemUTC())) {
      assertThat(store.waitingNotices("staging")).isEqualTo(1);
    }

    slackAnswers(200, "ok");
    Workspace workspace = project.workspace();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    try (Alerting notifications =
        Notifiers.of(workspace.config(), Clock.systemUTC()).orElseThrow()) {
      DaemonProject.CountedWakeUps slots =
          new DaemonProject.CountedWakeUps(
              project.slots(
                  workspace,
                  print,
                  Duration.ofSeconds(5),
                  notifications,
                  Duration.ZERO,
                  ScheduledRuns.RETENTION_EVERY));
      Daemon daemon = project.idle(slots);
      daemon.start();
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> slackRequests() == 1);
        slots.awaitMore(3); // each looks at the outbox again
      } finally {
        daemon.stop(Duration.ofSeconds(5));
      }
      assertThat(daemon.records()).isEmpty();
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("slack: alert about 1 check sent.").doesNotContain("hooksecret");
    assertThat(SlackWebhook.posts(slack).get(0).getBodyAsString()).contains("health/up");
    try (JdbcResultStore store = JdbcResultStore.open(project.sqlite(), dir, Clock.systemUTC())) {
      assertThat(store.lastRuns("staging", 10)).hasSize(1);
      assertThat(store.waitingNotices("staging")).isZero();
    }
    assertThat(slackRequests()).as("a delivered notice is not sent again").isEqualTo(1);
  }

  @Test
  void theOutboxIsTriedAgainOnceItsIntervalHasPassedOnTheClock() throws Exception {
    TestClock clock = new TestClock();
    DaemonProject project =
        new DaemonProject(dir, staging.baseUrl())
            .timeout("3s")
            .storeInSqlite()
            .slack(SlackWebhook.url(slack))
            .noSchedule()
            .clock(clock);
    CliRun cli = project.write();
    Workspace workspace = project.workspace();
    Duration outboxEvery = Duration.ofMinutes(10);
    slackAnswers(200, "ok");
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(500)));
    assertThat(cli.runChecks("-s", "health")).isEqualTo(ExitCodes.FAILED);
    assertThat(slackRequests()).as("the alert").isEqualTo(1);
    try (Alerting notifications = Notifiers.of(workspace.config(), clock).orElseThrow()) {
      DaemonProject.CountedWakeUps slots =
          new DaemonProject.CountedWakeUps(
              project.slots(
                  workspace,
                  DaemonProject.silent(),
                  Duration.ofSeconds(5),
                  notifications,
                  outboxEvery,
                  ScheduledRuns.RETENTION_EVERY));
      Daemon daemon = project.idle(slots);
      daemon.start();
      try {
        // The outbox was looked at on the first wake-up; a recovery is then left pending.
        slots.awaitMore(1);
        staging.stubFor(get("/health").willReturn(aResponse().withStatus(200)));
        slackAnswers(500, "rollup_error");
        assertThat(cli.runChecks("-s", "health")).isZero();
        assertThat(cli.err).contains("not delivered yet");
        slackAnswers(200, "ok");

        slots.awaitMore(3);
        assertThat(slackRequests()).as("not before the interval has passed").isZero();

        clock.advance(outboxEvery);
        await().atMost(Duration.ofSeconds(10)).until(() -> slackRequests() == 1);
      } finally {
        daemon.stop(Duration.ofSeconds(5));
      }
    }
    assertThat(SlackWebhook.posts(slack).get(0).getBodyAsString()).contains("recovered");
  }
}
