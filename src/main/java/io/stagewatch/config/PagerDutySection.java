package io.stagewatch.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A PagerDuty channel ({@code notify.channels: - pagerduty:}), by the Events API v2. The routing
 * key is a secret.
 *
 * @param apiUrl where events are sent; another value points them at a proxy or a test server
 * @param severity the severity of every event: critical, error, warning or info
 */
public record PagerDutySection(String routingKey, String apiUrl, String severity)
    implements ChannelConfig.Settings {
  public static final String DEFAULT_API_URL = "https://events.pagerduty.com/v2/enqueue";
  public static final String DEFAULT_SEVERITY = "critical";
  static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

  /** Reads PagerDuty's keys; the caller reads any other key and finishes the reader. */
  static @Nullable PagerDutySection read(MapReader r) {
    String routingKey = r.secret("routingKey");
    if (routingKey == null && !r.has("routingKey")) {
      // A key whose variable is unset is reported as such by the reader, once.
      r.problem("routingKey", "expected the routing key of a PagerDuty Events API v2 integration");
    }
    String apiUrl = r.string("apiUrl");
    String severity = r.string("severity");
    if (apiUrl != null && !SlackSection.isHttpUrl(apiUrl)) {
      r.problem("apiUrl", "expected an http(s) URL, got '" + r.shown("apiUrl", apiUrl) + "'");
    }
    if (severity != null && !SEVERITIES.contains(severity)) {
      r.problem(
          "severity",
          "expected one of " + String.join(", ", SEVERITIES) + ", got '" + severity + "'");
    }
    if (routingKey == null) {
      return null;
    }
    return new PagerDutySection(
        routingKey,
        apiUrl == null ? DEFAULT_API_URL : apiUrl,
        severity == null ? DEFAULT_SEVERITY : severity);
  }

  @Override
  public String kind() {
    return "pagerduty";
  }
}
