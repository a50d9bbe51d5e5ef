package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.stagewatch.app.ScheduledRuns;
import io.stagewatch.config.SlackSection;
import io.stagewatch.notify.AlertPolicy;
import io.stagewatch.notify.Alerting;
import io.stagewatch.notify.slack.SlackNotifier;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.StatusEndpoints;
import io.stagewatch.store.jdbc.JdbcResultStore;
import io.stagewatch.suite.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack goes down while the daemon runs and staging breaks: the daemon goes on, the alert waits in
 * the outbox (and {@code /metrics} says so), and once Slack answers again it is delivered once.
 */
class DaemonSlackOutageTest {
  static final Pattern OUTBOX_PENDING =
      Pattern.compile("(?m)^stagewatch_daemon_outbox_pending\\{environment=\"staging\"} (\\S+)$");

  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  DaemonProject project;

  @BeforeEach
  void project() {
    project = new DaemonProject(dir, staging.baseUrl());
  }

  /** The newest stub wins in WireMock, so each call changes what Slack answers from now on. */
  static void slackAnswers(int status, String body) {
    SlackWebhook.answers(slack, status, body);
  }

  static void healthAnswers(int status) {
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(status)));
  }

  /** The messages Slack accepted. */
  static List<ServeEvent> delivered() {
    return slack.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().equals(SlackWebhook.PATH))
        .filter(e -> e.getResponse().getStatus() == 200)
        .toList();
  }

  @Test
  void anAlertWaitsOutASlackOutageAndIsDeliveredOnceWhenSlackIsBack() throws Exception {
    healthAnswers(200);
    slackAnswers(200, "ok");
    Workspace workspace =
        project.timeout("3s").storeInSqlite().slack(SlackWebhook.url(slack)).load();
    PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);
    SlackSection slackConfig = Objects.requireNonNull(workspace.config().notifications().slack());
    // A short delivery budget, so that each delivery Slack fails gives up within a second and the
    // outage takes seconds; the budget itself is tested with SlackNotifier.
    try (Alerting notifications =
        new Alerting(
            SlackNotifier.of(slackConfig, workspace.config().secrets(), Duration.ofMillis(600)),
            AlertPolicy.of(workspace.config().notifications().policy()),
            Clock.systemUTC())) {
      Daemon daemon =
          project.daemon(
              workspace,
              project.slots(
                  workspace,
                  print,
                  Duration.ofSeconds(5),
                  notifications,
                  Duration.ofMillis(200),
                  ScheduledRuns.RETENTION_EVERY));
      try (StatusEndpoints endpoints = project.endpoints(workspace, daemon)) {
        daemon.start();
        try {
          await()
              .atMost(Duration.ofSeconds(10))
              .until(() -> DaemonProject.outcomes(daemon, SlotOutcome.PASSED) >= 1);

          // The outage starts mid-daemon, as staging breaks.
          slackAnswers(500, "rollup_error");
          healthAnswers(503);
          await()
              .atMost(Duration.ofSeconds(15))
              .until(
                  () ->
                      outboxPending(endpoints) >= 1
                          && DaemonProject.outcomes(daemon, SlotOutcome.FAILED) >= 2);
          assertThat(delivered()).isEmpty();
          assertThat(slack.getAllServeEvents()).as("Slack was asked and said 500").isNotEmpty();
          long failedSoFar = DaemonProject.outcomes(daemon, SlotOutcome.FAILED);
          await()
              .atMost(Duration.ofSeconds(10))
              .until(() -> DaemonProject.outcomes(daemon, SlotOutcome.FAILED) > failedSoFar);
          assertThat(outboxPending(endpoints)).isGreaterThanOrEqualTo(1);

          // Slack is back: the waiting alert goes out, once, while the daemon keeps running.
          slackAnswers(200, "ok");
          await().atMost(Duration.ofSeconds(10)).until(() -> outboxPending(endpoints) == 0);
          long failedThen = DaemonProject.outcomes(daemon, SlotOutcome.FAILED);
          await()
              .atMost(Duration.ofSeconds(10))
              .until(() -> DaemonProject.outcomes(daemon, SlotOutcome.FAILED) >= failedThen + 2);
        } finally {
          daemon.stop(Duration.ofSeconds(5));
        }
      }
    }

    assertThat(delivered()).hasSize(1);
    assertThat(delivered().get(0).getRequest().getBodyAsString()).contains("health/up");
    try (JdbcResultStore store = JdbcResultStore.open(project.sqlite(), dir, Clock.systemUTC())) {
      assertThat(store.waitingNotices("staging")).isZero();
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("hooksecret");
  }

  static double outboxPending(StatusEndpoints endpoints) throws Exception {
    String metrics = endpoints.get("/metrics").body();
    Matcher m = OUTBOX_PENDING.matcher(metrics);
    assertThat(m.find()).as(metrics).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
