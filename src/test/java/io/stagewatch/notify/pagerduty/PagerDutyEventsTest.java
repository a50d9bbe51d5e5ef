package io.stagewatch.notify.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewatch.notify.Notice;
import io.stagewatch.notify.NoticeCheck;
import io.stagewatch.notify.NoticeKind;
import io.stagewatch.run.RunInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events a notice becomes: one per check, keyed so that a recovery resolves its alert. */
class PagerDutyEventsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final RunInfo RUN =
      new RunInfo("r9", "shop", "staging", "cron", null, Instant.parse("2026-11-23T08:00:00Z"));

  static JsonNode render(NoticeKind kind, List<NoticeCheck> checks) throws Exception {
    Notice notice = new Notice(kind, RUN, Duration.ofSeconds(2), 2, 5, checks, List.of(), null);
    return JSON.readTree(PagerDutyEvents.render(notice, "error"));
  }

  @Test
  void aFailingAndADegradedCheckTriggerWithTheirOwnKeysAndSeverities() throws Exception {
    JsonNode events =
        render(
            NoticeKind.ALERT,
            List.of(
                new NoticeCheck("api/orders", "expected status 200, got 503", Duration.ZERO),
                new NoticeCheck("api/cart", "took 2.1s, degraded past 1s", Duration.ZERO, true)));

    assertThat(events).hasSize(2);
    assertThat(events.get(0).get("dedup_key").asText()).isEqualTo("stagewatch/staging/api/orders");
    assertThat(events.get(0).get("event_action").asText()).isEqualTo("trigger");
    assertThat(events.get(0).at("/payload/severity").asText()).isEqualTo("error");
    assertThat(events.get(0).at("/payload/source").asText()).isEqualTo("stagewatch/staging");
    assertThat(events.get(0).at("/payload/component").asText()).isEqualTo("api");
    assertThat(events.get(0).at("/payload/custom_details/reason").asText())
        .isEqualTo("expected status 200, got 503");
    assertThat(events.get(1).at("/payload/severity").asText()).isEqualTo("warning");
    assertThat(events.get(0).has("routing_key")).as("added only when sent").isFalse();
    assertThat(events.get(0).has("links")).as("no reportUrl configured").isFalse();
  }

  @Test
  void aRecoveryResolvesEachCheckByTheKeyItsAlertHad() throws Exception {
    JsonNode events =
        render(NoticeKind.RECOVERY, List.of(new NoticeCheck("api/orders", null, Duration.ZERO)));

    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("event_action").asText()).isEqualTo("resolve");
    assertThat(events.get(0).get("dedup_key").asText()).isEqualTo("stagewatch/staging/api/orders");
    assertThat(events.get(0).has("payload")).isFalse();
  }

  @Test
  void aLongReasonIsCutToPagerDutysSummaryLimit() throws Exception {
    JsonNode events =
        render(
            NoticeKind.ALERT, List.of(new NoticeCheck("api/a", "x".repeat(5000), Duration.ZERO)));

    assertThat(events.get(0).at("/payload/summary").asText())
        .hasSize(PagerDutyEvents.SUMMARY_LIMIT)
        .endsWith("…");
    assertThat(events.get(0).at("/payload/custom_details/reason").asText()).hasSize(5000);
  }

  @Test
  void theSummaryIsTheReasonsFirstLineAndTheDetailsHoldItAll() throws Exception {
    String reason = "expected status 200, got 404\nbody: <html>\n<h1>404 Not Found</h1>";
    JsonNode events =
        render(NoticeKind.ALERT, List.of(new NoticeCheck("api/a", reason, Duration.ZERO)));

    assertThat(events.get(0).at("/payload/summary").asText())
        .isEqualTo("api/a failing on staging: expected status 200, got 404");
    assertThat(events.get(0).at("/payload/custom_details/reason").asText()).isEqualTo(reason);
  }
}
