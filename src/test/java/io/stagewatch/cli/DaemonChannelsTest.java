package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.app.Notifiers;
import io.stagewatch.app.ScheduledRuns;
import io.stagewatch.notify.Alerting;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.StatusEndpoints;
import io.stagewatch.suite.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with a Slack and a webhook channel: while Slack is down the webhook hears of the
 * outage at once, {@code /metrics} counts each channel's notices apart, and Slack's alert goes out
 * once it is back.
 */
class DaemonChannelsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension hook =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  static int hookPosts() {
    return hook.findAll(postRequestedFor(urlPathEqualTo("/hook"))).size();
  }

  static double notified(StatusEndpoints endpoints, String channel, String status)
      throws Exception {
    String metrics = endpoints.get("/metrics").body();
    Matcher m =
        Pattern.compile(
                "stagewatch_notifications_total\\{channel=\""
                    + channel
                    + "\",environment=\"staging\",status=\""
                    + status
                    + "\"} (\\S+)")
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void aSlackOutageDelaysOnlySlacksNoticesInTheDaemon() throws Exception {
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(500)));
    SlackWebhook.answers(slack, 503, "service unavailable");
    hook.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
    DaemonProject project =
        new DaemonProject(dir, staging.baseUrl())
            .timeout("3s")
            .storeInSqlite()
            .notify(
                """
                notify:
                  channels:
                    - slack: {webhookUrl: "${SLACK_WEBHOOK_URL}"}
                    - webhook: {url: "${HOOK_URL}"}
                """);
    project.cli.env("SLACK_WEBHOOK_URL", SlackWebhook.url(slack));
    project.cli.env("HOOK_URL", hook.baseUrl() + "/hook");
    Workspace workspace = project.load();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);

    try (Alerting notifications =
        Notifiers.of(workspace.config(), Clock.systemUTC()).orElseThrow()) {
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
          await().atMost(Duration.ofSeconds(15)).until(() -> hookPosts() == 1);
          await()
              .atMost(Duration.ofSeconds(15))
              .until(() -> notified(endpoints, "slack", "pending") >= 1);
          assertThat(notified(endpoints, "webhook", "sent")).isEqualTo(1);
          assertThat(SlackWebhook.posts(slack)).isNotEmpty();

          slack.resetAll();
          SlackWebhook.answers(slack, 200, "ok");
          await()
              .atMost(Duration.ofSeconds(15))
              .until(() -> notified(endpoints, "slack", "sent") >= 1);
        } finally {
          daemon.stop(Duration.ofSeconds(10));
        }
      }
    }
    assertThat(SlackWebhook.posts(slack)).hasSize(1);
    assertThat(SlackWebhook.posts(slack).get(0).getBodyAsString()).contains("health/up");
    assertThat(hookPosts()).as("the webhook heard of the outage once").isEqualTo(1);
    assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("hooksecret");
  }
}
