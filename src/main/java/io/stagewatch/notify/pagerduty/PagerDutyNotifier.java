package io.stagewatch.notify.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewatch.config.PagerDutySection;
import io.stagewatch.config.Secrets;
import io.stagewatch.notify.Attempt;
import io.stagewatch.notify.Delivery;
import io.stagewatch.notify.JsonPost;
import io.stagewatch.notify.Notice;
import io.stagewatch.notify.Notifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends a notice's events to PagerDuty's Events API v2, one request per event, in order. 202 is
 * accepted; 400 is a refusal (PagerDuty's reason is kept); 429, 5xx and timeouts are retried within
 * the budget, then by the outbox. A retry sends the events not yet accepted; PagerDuty folds a
 * repeated trigger or resolve of one dedup key into the same alert. {@code readiness --notify}
 * sends nothing here: a release that is not ready is no incident.
 */
public final class PagerDutyNotifier implements Notifier {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String name;
  private final PagerDutySection config;
  private final Secrets secrets;
  private final Duration budget;
  private final JsonPost post;

  public PagerDutyNotifier(String name, PagerDutySection config, Secrets secrets, Duration budget) {
    this.name = name;
    this.config = config;
    this.secrets = secrets;
    this.budget = budget;
    this.post = new JsonPost("PagerDuty", secrets);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String render(Notice notice) {
    return secrets.mask(PagerDutyEvents.render(notice, config.severity()));
  }

  @Override
  public Delivery send(String payload) {
    List<byte[]> events;
    try {
      events = events(payload);
    } catch (JsonProcessingException e) {
      return Delivery.failed("the stored PagerDuty events are not JSON: " + e.getOriginalMessage());
    }
    int[] next = {0};
    return Attempt.retried(
        budget,
        () -> {
          while (next[0] < events.size()) {
            Attempt attempt = post.post(config.apiUrl(), Map.of(), events.get(next[0]));
            if (attempt.delivery().outcome() != Delivery.Outcome.SENT) {
              return attempt;
            }
            next[0]++;
          }
          return Attempt.sent();
        });
  }

  /** Each stored event with the routing key put in, as the bytes to send. */
  private List<byte[]> events(String payload) throws JsonProcessingException {
    List<byte[]> events = new ArrayList<>();
    for (JsonNode event : JSON.readTree(payload)) {
      ObjectNode withKey = JSON.createObjectNode().put("routing_key", config.routingKey());
      withKey.setAll((ObjectNode) event);
      events.add(JSON.writeValueAsString(withKey).getBytes(StandardCharsets.UTF_8));
    }
    return events;
  }

  @Override
  public void close() {
    post.close();
  }
}
