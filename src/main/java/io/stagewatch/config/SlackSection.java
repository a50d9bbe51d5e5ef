package io.stagewatch.config;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A Slack channel ({@code notify.channels: - slack:}, or the old {@code notify.slack:}): where its
 * messages go. The webhook URL and token are secrets.
 *
 * @param apiBaseUrl where the Slack Web API lives, ending in {@code /}; another value points the
 *     bot token path at a Slack-compatible proxy or a test server
 */
public record SlackSection(
    @Nullable String webhookUrl,
    @Nullable String token,
    @Nullable String channel,
    String apiBaseUrl)
    implements ChannelConfig.Settings {
  public static final String DEFAULT_API_BASE_URL = "https://slack.com/api/";

  /** Reads the connection keys; the caller reads any other key and finishes the reader. */
  static SlackSection read(MapReader r) {
    String webhookUrl = r.string("webhookUrl");
    Interpolated hook = r.interpolated("webhookUrl");
    if (webhookUrl != null && hook != null) {
      r.interpolator().secrets().webhookUrl(r.nameOf("webhookUrl"), hook);
    }
    String token = r.secret("token");
    String channel = r.string("channel");
    String apiBaseUrl = r.string("apiBaseUrl");
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
        apiBaseUrl == null ? DEFAULT_API_BASE_URL : withSlash(apiBaseUrl));
  }

  @Override
  public String kind() {
    return "slack";
  }

  /** Whether messages go through the Web API ({@code chat.postMessage}) rather than a webhook. */
  public boolean usesToken() {
    return webhookUrl == null && token != null;
  }

  static boolean isHttpUrl(String text) {
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
