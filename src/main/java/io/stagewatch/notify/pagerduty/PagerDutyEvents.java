package io.stagewatch.notify.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewatch.notify.Notice;
import io.stagewatch.notify.NoticeCheck;
import io.stagewatch.notify.NoticeKind;
import io.stagewatch.run.RunInfo;
import io.stagewatch.text.HumanDuration;

/**
 * A notice as PagerDuty Events API v2 events, one per check, so that each check is an alert of its
 * own: {@code trigger} while it fails (a reminder triggers again, which PagerDuty folds into the
 * open alert) and {@code resolve} when it recovers, both with the dedup key {@code
 * stagewatch/<environment>/<suite>/<check>}. The routing key is left out: it is a secret, added
 * only when the events are sent, so the outbox never holds it. Pure.
 */
final class PagerDutyEvents {
  /** PagerDuty's limit on a summary. */
  static final int SUMMARY_LIMIT = 1024;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private PagerDutyEvents() {}

  /** The events as a JSON array, in the notice's order. */
  static String render(Notice notice, String severity) {
    ArrayNode events = JSON.createArrayNode();
    for (NoticeCheck check : notice.checks()) {
      ObjectNode event = events.addObject();
      event.put("dedup_key", dedupKey(notice.run(), check.id()));
      if (notice.kind() == NoticeKind.RECOVERY) {
        event.put("event_action", "resolve");
        continue;
      }
      event.put("event_action", "trigger");
      event.set("payload", payload(notice, check, severity));
      event.put("client", "stagewatch");
      if (notice.reportUrl() != null) {
        event.put("client_url", notice.reportUrl());
        event.putArray("links").addObject().put("href", notice.reportUrl()).put("text", "Report");
      }
    }
    return events.toString();
  }

  static String dedupKey(RunInfo run, String checkId) {
    return "stagewatch/" + run.environment() + "/" + checkId;
  }

  private static ObjectNode payload(Notice notice, NoticeCheck check, String severity) {
    RunInfo run = notice.run();
    ObjectNode payload = JSON.createObjectNode();
    String state = check.degraded() ? "degraded" : "failing";
    // PagerDuty shows the summary as the incident's one-line title: the reason's first line (a
    // response body may follow it), with the whole reason in the details.
    String reason = check.reason();
    String summary =
        check.id()
            + " "
            + state
            + " on "
            + run.environment()
            + (reason == null ? "" : ": " + reason.lines().findFirst().orElse(""));
    payload.put("summary", cut(summary));
    payload.put("source", "stagewatch/" + run.environment());
    payload.put("severity", check.degraded() ? "warning" : severity);
    payload.put("timestamp", run.startedAt().toString());
    int slash = check.id().indexOf('/');
    payload.put("component", slash < 0 ? check.id() : check.id().substring(0, slash));
    payload.put("group", run.environment());
    payload.put("class", notice.kind().label());
    ObjectNode details = payload.putObject("custom_details");
    details.put("check", check.id());
    if (check.reason() != null) {
      details.put("reason", check.reason());
    }
    details.put("failingFor", HumanDuration.format(check.down()));
    details.put("runId", run.runId());
    details.put("trigger", run.trigger());
    if (run.label() != null) {
      details.put("label", run.label());
    }
    if (run.project() != null) {
      details.put("project", run.project());
    }
    return payload;
  }

  private static String cut(String text) {
    return text.length() <= SUMMARY_LIMIT ? text : text.substring(0, SUMMARY_LIMIT - 1) + "…";
  }
}
