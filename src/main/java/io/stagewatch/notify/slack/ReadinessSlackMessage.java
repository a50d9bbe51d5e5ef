package io.stagewatch.notify.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewatch.readiness.ReadinessResult;
import io.stagewatch.readiness.ReadinessScore;
import io.stagewatch.readiness.ReadinessScore.Row;
import io.stagewatch.readiness.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A readiness result as a Slack message, sent by {@code readiness --notify} when a release is not
 * ready: the score against the threshold, each component in a line, and why. Pure, like {@link
 * SlackMessage}, whose limits and escaping it shares.
 */
public final class ReadinessSlackMessage {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ReadinessSlackMessage() {}

  /** The payload as JSON: {@code {"text": ..., "blocks": [...]}}. */
  public static String render(ReadinessResult result, @Nullable String project) {
    ObjectNode message = JSON.createObjectNode();
    String title = title(result, project);
    message.put("text", SlackMessage.cut(SlackMessage.escape(title), SlackMessage.SECTION_LIMIT));
    ArrayNode blocks = message.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header
        .putObject("text")
        .put("type", "plain_text")
        .put("text", SlackMessage.cut(title, SlackMessage.HEADER_LIMIT));
    section(blocks, String.join("\n", componentLines(result)));
    List<String> why = new ArrayList<>();
    result.verdict().reasons().forEach(r -> why.add("• Not ready: " + SlackMessage.escape(r)));
    result.verdict().notes().forEach(n -> why.add("• Note: " + SlackMessage.escape(n)));
    if (!why.isEmpty()) {
      section(blocks, String.join("\n", why));
    }
    ObjectNode context = blocks.addObject().put("type", "context");
    context
        .putArray("elements")
        .addObject()
        .put("type", "mrkdwn")
        .put("text", "Trend " + result.trendText() + " since the previous evaluation");
    return message.toString();
  }

  static String title(ReadinessResult result, @Nullable String project) {
    Verdict verdict = result.verdict();
    ReadinessScore score = result.score();
    return (verdict.ready() ? "🟢 " : "🔴 ")
        + (project == null ? "" : project + ": ")
        + "release readiness "
        + ReadinessScore.format(score.score())
        + " ("
        + score.band().label()
        + "), threshold "
        + ReadinessScore.format(verdict.threshold())
        + (verdict.ready() ? ": ready" : ": not ready");
  }

  private static List<String> componentLines(ReadinessResult result) {
    List<String> lines = new ArrayList<>();
    for (Row row : result.score().rows()) {
      Double value = row.input().value();
      lines.add(
          "• *"
              + row.input().component().title()
              + "*: "
              + (value == null ? "missing" : ReadinessScore.format(value))
              + " — "
              + SlackMessage.escape(
                  SlackMessage.cut(row.input().detail(), SlackMessage.REASON_LIMIT)));
    }
    return lines;
  }

  private static void section(ArrayNode blocks, String text) {
    ObjectNode section = blocks.addObject().put("type", "section");
    section
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", SlackMessage.cut(text, SlackMessage.SECTION_LIMIT));
  }
}
