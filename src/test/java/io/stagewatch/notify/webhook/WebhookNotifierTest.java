package io.stagewatch.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stagewatch.config.Secrets;
import io.stagewatch.config.WebhookSection;
import io.stagewatch.notify.Attempt;
import io.stagewatch.notify.Notice;
import io.stagewatch.notify.NoticeCheck;
import io.stagewatch.notify.NoticeKind;
import io.stagewatch.run.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a webhook sends: the model as JSON by default, and the README's recipes as valid JSON. */
class WebhookNotifierTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final RunInfo RUN =
      new RunInfo("r1", "shop", "staging", "cron", "b7", Instant.parse("2026-11-23T08:00:00Z"));
  static final List<NoticeCheck> CHECKS =
      List.of(
          new NoticeCheck(
              "api/orders", "expected \"UP\", got \\ DOWN\nbody: <html>", Duration.ZERO),
          new NoticeCheck("api/cart", null, Duration.ofMinutes(5)));

  static Notice notice(NoticeKind kind, @Nullable String reportUrl) {
    return new Notice(
        kind, RUN, Duration.ofMillis(1_500), 2, 9, CHECKS, List.of("api/home"), reportUrl);
  }

  static String render(@Nullable String template, Notice notice) {
    WebhookSection config =
        new WebhookSection(
            "https://hooks.example.test/x",
            Map.of(),
            template,
            null,
            WebhookSection.DEFAULT_SIGNATURE_HEADER);
    try (WebhookNotifier notifier =
        new WebhookNotifier("webhook", config, Secrets.none(), Attempt.BUDGET)) {
      return notifier.render(notice);
    }
  }

  @Test
  void withoutATemplateTheBodyIsTheModelItself() throws Exception {
    JsonNode body =
        JSON.readTree(render(null, notice(NoticeKind.ALERT, "https://ci.example.test/r")));

    assertThat(body.get("environment").asText()).isEqualTo("staging");
    assertThat(body.get("project").asText()).isEqualTo("shop");
    assertThat(body.get("kind").asText()).isEqualTo("alert");
    assertThat(body.get("title").asText()).isEqualTo("shop staging: 2 checks failing");
    assertThat(body.at("/run/id").asText()).isEqualTo("r1");
    assertThat(body.at("/run/label").asText()).isEqualTo("b7");
    assertThat(body.at("/run/failing").asInt()).isEqualTo(2);
    assertThat(body.at("/run/total").asInt()).isEqualTo(9);
    assertThat(body.at("/checks/0/suite").asText()).isEqualTo("api");
    assertThat(body.at("/checks/0/name").asText()).isEqualTo("orders");
    assertThat(body.at("/checks/0/reason").asText()).isEqualTo(CHECKS.get(0).reason());
    assertThat(body.at("/checks/1/downSeconds").asLong()).isEqualTo(300);
    assertThat(body.at("/checks/1").has("reason")).isFalse();
    assertThat(body.at("/flaky/0").asText()).isEqualTo("api/home");
    assertThat(body.get("reportUrl").asText()).isEqualTo("https://ci.example.test/r");
  }

  @ParameterizedTest
  @ValueSource(strings = {"teams", "discord"})
  void theReadmeRecipesMakeValidJsonOfEveryKindOfNotice(String name) throws Exception {
    String template = readmeTemplate(name);
    for (NoticeKind kind : NoticeKind.values()) {
      for (String reportUrl : new String[] {"https://ci.example.test/r", null}) {
        String body = render(template, notice(kind, reportUrl));
        JsonNode json = JSON.readTree(body);
        assertThat(json.toString()).as(body).contains("api/orders", "api/cart");
        if (kind == NoticeKind.ALERT) {
          assertThat(json.toString()).contains("got \\\\ DOWN");
        }
      }
    }
  }

  /** The template of the README's webhook channel named {@code name}. */
  static String readmeTemplate(String name) throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher blocks = Pattern.compile("(?ms)^```yaml\\n(.*?)^```$").matcher(readme);
    while (blocks.find()) {
      JsonNode config = new YAMLMapper().readTree(blocks.group(1));
      for (JsonNode channel : config.at("/notify/channels")) {
        JsonNode webhook = channel.path("webhook");
        if (name.equals(webhook.path("name").asText())) {
          return webhook.get("template").asText();
        }
      }
    }
    throw new AssertionError("the README has no webhook named " + name);
  }
}
