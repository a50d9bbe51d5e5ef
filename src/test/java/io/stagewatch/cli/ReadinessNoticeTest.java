package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code readiness --notify}: Slack hears of a release that is not ready, and only then. */
class ReadinessNoticeTest {
  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String HOOK = "/services/T0/B0/hook-secret-7731";

  @TempDir Path dir;
  CliRun cli;

  @BeforeEach
  void project() throws Exception {
    slack.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withBody("ok")));
    cli =
        new CliRun(dir)
            .config(
                """
                project: shop
                environments:
                  staging: {baseUrl: "http://127.0.0.1:9"}
                notify:
                  slack:
                    webhookUrl: ${SLACK_WEBHOOK_URL}
                """)
            .env("SLACK_WEBHOOK_URL", slack.baseUrl() + HOOK);
  }

  int readiness(String quality) {
    return cli.run(
        "readiness",
        "-c",
        dir.resolve("config/stagewatch.yaml").toString(),
        "--quality",
        quality,
        "--notify");
  }

  @Test
  void aReleaseThatIsNotReadyIsAnnouncedWithItsComponents() throws Exception {
    assertThat(readiness("70")).as(cli.err).isEqualTo(ExitCodes.FAILED);

    List<String> bodies =
        slack.findAll(anyRequestedFor(anyUrl())).stream().map(r -> r.getBodyAsString()).toList();
    assertThat(bodies).hasSize(1);
    JsonNode payload = new ObjectMapper().readTree(bodies.get(0));
    assertThat(payload.get("text").asText())
        .isEqualTo("🔴 shop: release readiness 70 (poor), threshold 90: not ready");
    assertThat(payload.get("blocks").toString())
        .contains("*Code quality*: 70")
        .contains("*Line coverage*: missing");
    assertThat(cli.out + cli.err).doesNotContain("hook-secret-7731");
  }

  @Test
  void aReadyReleaseSendsNothing() {
    assertThat(readiness("97")).as(cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(slack.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void slackBeingDownIsReportedButDoesNotChangeTheVerdict() {
    slack.stubFor(
        post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(404).withBody("no_service")));

    assertThat(readiness("70")).isEqualTo(ExitCodes.FAILED);

    assertThat(cli.err)
        .contains("slack: the readiness notice was not delivered")
        .doesNotContain("hook-secret-7731");
  }
}
