package io.stagewatch.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code notify.slack:}: where alerts go and when. The webhook URL and token are secrets.
 *
 * @param apiBaseUrl where the Slack Web API lives, ending in {@code /}; another value points the
 *     bot token path at a Slack-compatible proxy or a test server
 * @param alertOnDegraded whether checks degraded for failureThreshold runs in a row alert too
 */
public record SlackSection(
    @Nullable String webhookUrl,
    @Nullable String token,
    @Nullable String channel,
    int failureThreshold,
    boolean sendOnRecovery,
    Duration reminderInterval,
    @Nullable String reportUrl,
    String apiBaseUrl,
    boolean alertOnDegraded) {
  public static final int DEFAULT_FAILURE_THRESHOLD = 1;
  public static final Duration DEFAULT_REMINDER_INTERVAL = Duration.ofHours(24);
  public static final String DEFAULT_API_BASE_URL = "https://slack.com/api/";

  static SlackSection read(MapReader r) {
    String webhookUrl = r.string("webhookUrl");
    Interpolated hook = r.interpolated("webhookUrl");
    if (webhookUrl != null && hook != null) {
      r.interpolator().secrets().webhookUrl(r.nameOf("webhookUrl"), hook);
    }
    String token = r.secret("token");
    String channel = r.string("channel");
    Integer threshold = r.integer("failureThreshold", 1, 1000);
    Boolean recovery = r.bool("sendOnRecovery");
    Duration reminder = r.duration("reminderInterval");
    String reportUrl = r.string("reportUrl");
    String apiBaseUrl = r.string("apiBaseUrl");
    Boolean alertOnDegraded = r.bool("alertOnDegraded");
    r.finish();
    if (webhookUrl != null && !isHttpUrl(webhookUrl)) {
      // The value is a secret: say what is wrong without showing it.
      r.problem("webhookUrl", "expected an http(s) URL such as https://hooks.slack.com/...");
    }
    if (token != null && channel == null) {
      r.problem("channel", "a bot token needs a channel");
    }
    if (webhookUrl == null && token == null) {
      r.problem("set webhookUrl, or token and channel");
    }
    if (apiBaseUrl != null && !isHttpUrl(apiBaseUrl)) {
      r.problem(
          "apiBaseUrl", "expected an http(s) URL, got '" + r.shown("apiBaseUrl", apiBaseUrl) + "'");
    }
    return new SlackSection(
        webhookUrl,
        token,
        channel,
        threshold != null ? threshold : DEFAULT_FAILURE_THRESHOLD,
        recovery == null || recovery,
        reminder != null ? reminder : DEFAULT_REMINDER_INTERVAL,
        reportUrl,
        apiBaseUrl == null ? DEFAULT_API_BASE_URL : withSlash(apiBaseUrl),
        Boolean.TRUE.equals(alertOnDegraded));
  }

  /** Whether messages go through the Web API ({@code chat.postMessage}) rather than a webhook. */
  public boolean usesToken() {
    return webhookUrl == null && token != null;
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
