package io.stagewatch.notify.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewatch.notify.Notice;
import io.stagewatch.notify.NoticeCheck;
import io.stagewatch.notify.NoticeKind;
import io.stagewatch.run.RunInfo;
import io.stagewatch.text.HumanDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A notice as a Slack message: Block Kit blocks and the plain-text {@code text} that notifications
 * and old clients show. Pure, so that tests compare payloads. Slack refuses more than 50 blocks or
 * more than 3,000 characters in a section, so long lists are cut and end with "and N more".
 */
public final class SlackMessage {
  /** Slack's limit on the characters of one section's text. */
  static final int SECTION_LIMIT = 3000;

  /** Slack's limit on a header block's text. */
  static final int HEADER_LIMIT = 150;

  /** Checks listed one per line; the rest are counted. Keeps a message well under 50 blocks. */
  static final int LISTED_CHECKS = 40;

  /** A failure reason longer than this is cut: the report has the whole of it. */
  static final int REASON_LIMIT = 200;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private SlackMessage() {}

  /** The payload as JSON: {@code {"text": ..., "blocks": [...]}}. */
  public static String render(Notice notice) {
    ObjectNode message = JSON.createObjectNode();
    message.put("text", fallback(notice));
    ArrayNode blocks = message.putArray("blocks");
    blocks.addObject().put("type", "header").set("text", plain(cut(title(notice), HEADER_LIMIT)));
    for (String section : sections(lines(notice))) {
      blocks.addObject().put("type", "section").set("text", mrkdwn(section));
    }
    if (!notice.flaky().isEmpty() && notice.kind() == NoticeKind.ALERT) {
      String flaky = "Flaky (passed on a retry): " + String.join(", ", notice.flaky());
      context(blocks, cut(escape(flaky), SECTION_LIMIT));
    }
    context(blocks, footer(notice));
    return message.toString();
  }

  static String title(Notice notice) {
    String where = where(notice.run());
    int named = notice.checks().size();
    return switch (notice.kind()) {
      case ALERT ->
          "🔴 "
              + where
              + ": "
              + count(notice.failing(), "check")
              + " of "
              + notice.total()
              + " failing";
      case REMINDER -> "🟠 " + where + ": " + count(named, "check") + " still failing";
      case DEGRADED -> "🟡 " + where + ": " + count(named, "check") + " degraded";
      case RECOVERY -> "🟢 " + where + ": " + count(named, "check") + " recovered";
    };
  }

  private static String fallback(Notice notice) {
    List<String> ids = notice.checkIds();
    String listed = String.join(", ", ids.subList(0, Math.min(5, ids.size())));
    String more = ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "";
    // The top-level text is read as mrkdwn (in notifications, and where blocks are not shown):
    // escaped like the blocks, so that a check named <!channel> cannot ping anyone.
    return cut(escape(title(notice) + ": " + listed + more), SECTION_LIMIT);
  }

  private static List<String> lines(Notice notice) {
    List<String> lines = new ArrayList<>();
    List<NoticeCheck> checks = notice.checks();
    for (NoticeCheck check : checks.subList(0, Math.min(LISTED_CHECKS, checks.size()))) {
      lines.add(line(notice.kind(), check));
    }
    if (checks.size() > LISTED_CHECKS) {
      lines.add("…and " + (checks.size() - LISTED_CHECKS) + " more");
    }
    return lines;
  }

  private static String line(NoticeKind kind, NoticeCheck check) {
    String name = "• *" + escape(cut(check.id(), REASON_LIMIT)) + "*";
    String down = downtime(check.down());
    return switch (kind) {
      case ALERT -> name + " — " + reason(check.reason());
      case REMINDER -> name + " — failing for " + down + ": " + reason(check.reason());
      case DEGRADED -> name + " — passed, but slow: " + reason(check.reason());
      case RECOVERY ->
          name + (check.degraded() ? " — was degraded for " : " — was down for ") + down;
    };
  }

  private static String reason(@Nullable String reason) {
    if (reason == null || reason.isBlank()) {
      return "no reason given";
    }
    return escape(cut(reason.strip().replaceAll("\\s+", " "), REASON_LIMIT));
  }

  /** Packs the lines into as few section texts as the per-section limit allows. */
  static List<String> sections(List<String> lines) {
    List<String> sections = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (!current.isEmpty() && current.length() + 1 + line.length() > SECTION_LIMIT) {
        sections.add(current.toString());
        current.setLength(0);
      }
      current.append(current.isEmpty() ? "" : "\n").append(line);
    }
    if (!current.isEmpty()) {
      sections.add(current.toString());
    }
    return sections;
  }

  private static String footer(Notice notice) {
    RunInfo run = notice.run();
    StringBuilder footer = new StringBuilder("Trigger: ").append(escape(run.trigger()));
    if (run.label() != null) {
      footer.append(" · Label: ").append(escape(cut(run.label(), REASON_LIMIT)));
    }
    footer.append(" · Run took ").append(HumanDuration.format(notice.runDuration()));
    if (notice.reportUrl() != null) {
      footer.append(" · <").append(notice.reportUrl()).append("|Report>");
    }
    return footer.toString();
  }

  /** Down times run to days; the run duration's seconds would read badly there. */
  static String downtime(Duration down) {
    long minutes = down.toMinutes();
    if (minutes < 1) {
      return down.toSeconds() + " s";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = down.toHours();
    if (hours < 24) {
      return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
    return down.toDays() + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
  }

  private static String where(RunInfo run) {
    return run.project() == null ? run.environment() : run.project() + " " + run.environment();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static void context(ArrayNode blocks, String text) {
    blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(text));
  }

  private static ObjectNode plain(String text) {
    return JSON.createObjectNode().put("type", "plain_text").put("text", text);
  }

  private static ObjectNode mrkdwn(String text) {
    return JSON.createObjectNode().put("type", "mrkdwn").put("text", text);
  }

  /** Slack's mrkdwn treats these three as control characters. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
