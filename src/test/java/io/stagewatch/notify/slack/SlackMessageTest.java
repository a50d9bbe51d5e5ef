package io.stagewatch.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewatch.notify.Notice;
import io.stagewatch.notify.NoticeCheck;
import io.stagewatch.notify.NoticeKind;
import io.stagewatch.run.RunInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlackMessageTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final RunInfo RUN =
      new RunInfo("r1", "shop", "staging", "cron", "a1b2c3", Instant.parse("2026-11-23T08:00:00Z"));

  static Notice notice(NoticeKind kind, List<NoticeCheck> checks, List<String> flaky) {
    return new Notice(
        kind,
        RUN,
        Duration.ofMillis(3_200),
        checks.size(),
        80,
        checks,
        flaky,
        "https://ci.example.test/stagewatch/latest");
  }

  @Test
  void oneFailingCheckGivesATitleItsReasonAndTheRunDetails() throws Exception {
    NoticeCheck check =
        new NoticeCheck("api/orders", "expected status 200, got 503 <html>", Duration.ZERO);

    JsonNode message =
        JSON.readTree(
            SlackMessage.render(notice(NoticeKind.ALERT, List.of(check), List.of("api/cart"))));

    assertThat(message)
        .isEqualTo(
            JSON.readTree(
                """
                {"text": "🔴 shop staging: 1 check of 80 failing: api/orders",
                 "blocks": [
                  {"type": "header",
                   "text": {"type": "plain_text", "text": "🔴 shop staging: 1 check of 80 failing"}},
                  {"type": "section", "text": {"type": "mrkdwn",
                   "text": "• *api/orders* — expected status 200, got 503 &lt;html&gt;"}},
                  {"type": "context", "elements": [{"type": "mrkdwn",
                   "text": "Flaky (passed on a retry): api/cart"}]},
                  {"type": "context", "elements": [{"type": "mrkdwn",
                   "text": "Trigger: cron · Label: a1b2c3 · Run took 3.2 s · <https://ci.example.test/stagewatch/latest|Report>"}]}
                 ]}
                """));
  }

  @Test
  void aCheckNamedLikeAMentionPingsNoOneInTheTopLevelTextEither() throws Exception {
    NoticeCheck check = new NoticeCheck("api/<!channel> & co", "down", Duration.ZERO);

    JsonNode message =
        JSON.readTree(SlackMessage.render(notice(NoticeKind.ALERT, List.of(check), List.of())));

    assertThat(message.get("text").asText())
        .contains("api/&lt;!channel&gt; &amp; co")
        .doesNotContain("<!channel>");
    assertThat(message.toString()).doesNotContain("<!channel>");
  }

  @Test
  void sixtyFailingChecksStayWithinSlacksLimitsAndCountTheRest() throws Exception {
    List<NoticeCheck> checks = new ArrayList<>();
    IntStream.rangeClosed(1, 60)
        .forEach(
            i -> checks.add(new NoticeCheck("suite/check " + i, "x".repeat(500), Duration.ZERO)));

    JsonNode message =
        JSON.readTree(SlackMessage.render(notice(NoticeKind.ALERT, checks, List.of())));

    JsonNode blocks = message.get("blocks");
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    StringBuilder listed = new StringBuilder();
    for (JsonNode block : blocks) {
      if (block.get("type").asText().equals("section")) {
        String text = block.get("text").get("text").asText();
        assertThat(text.length()).isLessThanOrEqualTo(3000);
        listed.append(text).append('\n');
      }
    }
    assertThat(listed.toString())
        .contains("*suite/check 40*")
        .doesNotContain("*suite/check 41*")
        .contains("…and 20 more");
    assertThat(listed.toString().lines().filter(l -> l.startsWith("• ")))
        .hasSize(40)
        .allSatisfy(l -> assertThat(l.length()).isLessThan(260));
    assertThat(message.get("text").asText())
        .startsWith("🔴 shop staging: 60 checks of 80 failing: suite/check 1,")
        .endsWith("and 55 more");
  }

  @Test
  void aRecoverySaysHowLongEachCheckWasDown() throws Exception {
    NoticeCheck check = new NoticeCheck("api/orders", null, Duration.ofMinutes(90));

    JsonNode message =
        JSON.readTree(SlackMessage.render(notice(NoticeKind.RECOVERY, List.of(check), List.of())));

    assertThat(message.get("text").asText())
        .isEqualTo("🟢 shop staging: 1 check recovered: api/orders");
    assertThat(message.get("blocks").get(1).get("text").get("text").asText())
        .isEqualTo("• *api/orders* — was down for 1 h 30 min");
  }

  @Test
  void downTimesReadInTheLargestUnits() {
    assertThat(SlackMessage.downtime(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(SlackMessage.downtime(Duration.ofMinutes(12))).isEqualTo("12 min");
    assertThat(SlackMessage.downtime(Duration.ofHours(4))).isEqualTo("4 h");
    assertThat(SlackMessage.downtime(Duration.ofHours(30))).isEqualTo("1 d 6 h");
  }
}
