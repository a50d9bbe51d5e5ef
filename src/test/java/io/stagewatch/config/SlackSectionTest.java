package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notify.slack}: what is reported, and that the secrets in it are never shown. */
class SlackSectionTest {
  @TempDir Path dir;

  private Path write(String slackYaml) throws IOException {
    Files.createDirectories(dir.resolve("suites"));
    String yaml =
        "environments:\n  staging:\n    baseUrl: http://localhost:1\nnotify:\n  slack:\n"
            + slackYaml.indent(4);
    return Files.writeString(dir.resolve("stagewatch.yaml"), yaml);
  }

  private String problems(String slackYaml, Map<String, String> env) throws IOException {
    Path file = write(slackYaml);
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(env).load(file, null));
    assertThat(e).as("expected the config to be rejected").isNotNull();
    return String.join("\n", e.problems().stream().map(ConfigProblem::toString).toList());
  }

  @Test
  void aMalformedWebhookUrlIsReportedWithoutShowingIt() throws IOException {
    String problems =
        problems("webhookUrl: ${SLACK_WEBHOOK_URL}", Map.of("SLACK_WEBHOOK_URL", "hooks-secret"));

    assertThat(problems)
        .contains("notify.slack.webhookUrl: expected an http(s) URL")
        .doesNotContain("hooks-secret");
  }

  @Test
  void anUnsetWebhookVariableIsNamed() throws IOException {
    assertThat(problems("webhookUrl: ${SLACK_WEBHOOK_URL}", Map.of()))
        .contains("environment variable SLACK_WEBHOOK_URL is not set and has no default");
  }

  @Test
  void aTokenWithoutAChannelIsReportedWithoutShowingTheToken() throws IOException {
    String problems =
        problems("token: ${SLACK_BOT_TOKEN}", Map.of("SLACK_BOT_TOKEN", "xoxb-secret"));

    assertThat(problems).contains("a bot token needs a channel").doesNotContain("xoxb-secret");
  }

  @Test
  void neitherWebhookNorTokenIsReported() throws IOException {
    assertThat(problems("failureThreshold: 2", Map.of()))
        .contains("set webhookUrl, or token and channel");
  }

  @Test
  void defaultsAreFilledAndTheApiBaseUrlEndsInASlash() throws Exception {
    Path file =
        write(
            """
            token: ${SLACK_BOT_TOKEN}
            channel: "#staging"
            apiBaseUrl: http://127.0.0.1:9/api
            """);
    StagewatchConfig config =
        new ConfigLoader(Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-abc")).load(file, null);

    SlackSection slack = config.notifications().slack();
    NotifyPolicy policy = config.notifications().policy();
    assertThat(slack).isNotNull();
    assertThat(slack.usesToken()).isTrue();
    assertThat(slack.apiBaseUrl()).isEqualTo("http://127.0.0.1:9/api/");
    assertThat(policy.failureThreshold()).isEqualTo(1);
    assertThat(policy.sendOnRecovery()).isTrue();
    assertThat(policy.reminderInterval()).isEqualTo(Duration.ofHours(24));
    assertThat(config.secrets().mask("token xoxb-1-2-abc")).isEqualTo("token ***");
  }
}
