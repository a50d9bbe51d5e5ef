package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code notify.slack.alertOnDegraded} through the real entry point: a staging endpoint that turns
 * slow, breaks, recovers and turns slow again, Slack played by WireMock, the store a SQLite file.
 */
class DegradedAlertsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeEach
  void slackAnswers() {
    SlackWebhook.answers(slack, 200, "ok");
  }

  CliRun project(String alertOnDegraded) throws IOException {
    return new CliRun(dir)
        .config(
            """
            project: shop
            environments:
              staging:
                baseUrl: ${STAGING_URL}
            defaults:
              timeout: 30s
              retry: {attempts: 1}
            store:
              url: "jdbc:sqlite:${STORE_DIR}/stagewatch.db"
            notify:
              slack:
                webhookUrl: ${SLACK_WEBHOOK_URL}
                failureThreshold: 2
            %s
            """
                .formatted(alertOnDegraded))
        .suite(
            "api.yaml",
            """
            name: api
            checks:
              - name: search
                http: {path: /search}
                expect: {status: 200, degradedResponseTime: 1s, maxResponseTime: 20s}
            """)
        .env("STAGING_URL", staging.baseUrl())
        .env("STORE_DIR", dir.resolve("store").toString())
        .env("SLACK_WEBHOOK_URL", SlackWebhook.url(slack));
  }

  /**
   * Slower than the bound by its delay alone. The bound leaves a fast answer room on a busy
   * machine, since a fast answer counted as slow would be a degraded run too many.
   */
  static ResponseDefinitionBuilder slow() {
    return okJson("{}").withFixedDelay(1200);
  }

  static ResponseDefinitionBuilder fast() {
    return okJson("{}");
  }

  static ResponseDefinitionBuilder broken() {
    return aResponse().withStatus(500);
  }

  /** One run against a search endpoint that answers {@code answer}; returns the new messages. */
  List<JsonNode> run(CliRun cli, ResponseDefinitionBuilder answer, int expectedExit)
      throws IOException {
    slack.resetRequests();
    staging.resetAll();
    staging.stubFor(get("/search").willReturn(answer));
    assertThat(cli.runChecks()).as(cli.out + cli.err).isEqualTo(expectedExit);
    List<JsonNode> messages = new ArrayList<>();
    for (LoggedRequest post : SlackWebhook.posts(slack)) {
      messages.add(JSON.readTree(post.getBodyAsString()));
    }
    return messages;
  }

  static String text(JsonNode message) {
    return message.get("text").asText();
  }

  @Test
  void degradedRunsAlertAfterTheThresholdEscalateOnFailureAndRecover() throws Exception {
    CliRun cli = project("    alertOnDegraded: true");

    assertThat(run(cli, slow(), ExitCodes.PASSED)).as("one degraded run of two").isEmpty();
    List<JsonNode> degraded = run(cli, slow(), ExitCodes.PASSED);
    assertThat(degraded).hasSize(1);
    assertThat(text(degraded.get(0))).startsWith("🟡 shop staging: 1 check degraded");
    assertThat(degraded.get(0).toString())
        .contains("api/search")
        .containsPattern("passed, but slow: response took \\d+ ms")
        .contains("more than degradedResponseTime 1s");
    JsonNode notice = JSON.readTree(cli.report("result.json")).get("notifications").get(0);
    assertThat(notice.get("kind").asText()).isEqualTo("degraded");
    assertThat(notice.get("status").asText()).isEqualTo("sent");
    assertThat(run(cli, slow(), ExitCodes.PASSED)).as("announced once").isEmpty();

    List<JsonNode> escalation = run(cli, broken(), ExitCodes.FAILED);
    assertThat(escalation).as("one failure escalates a degraded alert").hasSize(1);
    assertThat(text(escalation.get(0))).startsWith("🔴 shop staging: 1 check of 1 failing");
    assertThat(escalation.get(0).toString()).contains("expected status 200, got 500");

    List<JsonNode> recovery = run(cli, fast(), ExitCodes.PASSED);
    assertThat(recovery).hasSize(1);
    assertThat(text(recovery.get(0))).startsWith("🟢 shop staging: 1 check recovered");
    assertThat(recovery.get(0).toString()).contains("was down for");

    assertThat(run(cli, slow(), ExitCodes.PASSED)).isEmpty();
    assertThat(run(cli, slow(), ExitCodes.PASSED)).hasSize(1);
    List<JsonNode> normal = run(cli, fast(), ExitCodes.PASSED);
    assertThat(normal).hasSize(1);
    assertThat(text(normal.get(0))).startsWith("🟢 shop staging: 1 check recovered");
    assertThat(normal.get(0).toString()).contains("was degraded for");
    assertThat(run(cli, fast(), ExitCodes.PASSED)).isEmpty();
  }

  @Test
  void degradedChecksDoNotAlertByDefault() throws Exception {
    CliRun cli = project("");

    for (int i = 0; i < 3; i++) {
      assertThat(run(cli, slow(), ExitCodes.PASSED)).isEmpty();
    }
    JsonNode check = JSON.readTree(cli.report("result.json")).get("checks").get(0);
    assertThat(check.get("degraded").asBoolean()).isTrue();
  }
}
