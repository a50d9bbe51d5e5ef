package io.stagewatch.notify.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.webhook.WebhookResponse;
import io.stagewatch.config.Secrets;
import io.stagewatch.config.SlackSection;
import io.stagewatch.notify.Attempt;
import io.stagewatch.notify.Delivery;
import io.stagewatch.notify.Notice;
import io.stagewatch.notify.Notifier;
import io.stagewatch.readiness.ReadinessResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sends messages to Slack with the official client, by incoming webhook or by {@code
 * chat.postMessage}. The client neither retries nor throws on a webhook's error status, so every
 * answer is read here: 5xx, timeouts and network errors are retried with backoff within a few
 * seconds, HTTP 429 waits for its {@code Retry-After}, and refusals (bad token, unknown channel,
 * bad payload, a webhook gone) fail at once. Whatever is still failing after the budget is left for
 * the next run. One run sends from one thread; the notifier is not meant to be shared.
 */
public final class SlackNotifier implements Notifier {
  static final int TIMEOUT_MILLIS = 3_000;

  private final String name;
  private final SlackSection config;
  private final Secrets secrets;
  private final Duration budget;

  /** Built on the first message: most runs send none, and the client is slow to start. */
  private @Nullable Slack slack;

  private @Nullable SlackTransport transport;

  private SlackNotifier(String name, SlackSection config, Secrets secrets, Duration budget) {
    this.name = name;
    this.config = config;
    this.secrets = secrets;
    this.budget = budget;
  }

  public static SlackNotifier of(SlackSection config, Secrets secrets) {
    return of("slack", config, secrets, Attempt.BUDGET);
  }

  public static SlackNotifier of(SlackSection config, Secrets secrets, Duration budget) {
    return of("slack", config, secrets, budget);
  }

  /**
   * @param name the channel's name in the config
   */
  public static SlackNotifier of(
      String name, SlackSection config, Secrets secrets, Duration budget) {
    return new SlackNotifier(name, config, secrets, budget);
  }

  private SlackTransport transport() {
    SlackTransport t = transport;
    if (t == null) {
      Slack client = Slack.getInstance(clientConfig(config.apiBaseUrl()));
      slack = client;
      t = SlackTransport.of(client, config, secrets);
      transport = t;
    }
    return t;
  }

  /**
   * The client's settings. Its default response listener logs whole request URLs and bodies, and a
   * webhook URL is a secret, so no listener is kept; stats are off, else it would call {@code
   * auth.test} before every first message.
   */
  static SlackConfig clientConfig(String apiBaseUrl) {
    SlackConfig config = new SlackConfig();
    config.setHttpClientResponseHandlers(new ArrayList<>());
    config.setPrettyResponseLoggingEnabled(false);
    config.setStatsEnabled(false);
    config.setLibraryMaintainerMode(false);
    config.setFailOnUnknownProperties(false);
    config.setMethodsEndpointUrlPrefix(apiBaseUrl);
    config.setHttpClientReadTimeoutMillis(TIMEOUT_MILLIS);
    config.setHttpClientWriteTimeoutMillis(TIMEOUT_MILLIS);
    config.setHttpClientCallTimeoutMillis(TIMEOUT_MILLIS);
    return config;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String render(Notice notice) {
    return secrets.mask(SlackMessage.render(notice));
  }

  @Override
  public Optional<String> renderReadiness(ReadinessResult result, @Nullable String project) {
    return Optional.of(secrets.mask(ReadinessSlackMessage.render(result, project)));
  }

  @Override
  public Delivery send(String payload) {
    return Attempt.retried(budget, () -> attempt(payload));
  }

  /** One try; its error, whatever produced it, leaves here masked. */
  private Attempt attempt(String payload) {
    Attempt attempt = post(payload);
    String error = attempt.delivery().error();
    return error == null
        ? attempt
        : new Attempt(
            new Delivery(attempt.delivery().outcome(), secrets.mask(error)), attempt.retryAfter());
  }

  private Attempt post(String payload) {
    try {
      return transport().post(payload);
    } catch (IOException e) {
      return Attempt.retry("Slack could not be reached: " + e, null);
    } catch (SlackApiException e) {
      return Attempt.ofStatus(
          "Slack", e.getResponse().code(), e.getResponse().header("Retry-After"), bodyOf(e));
    } catch (RuntimeException e) {
      // The client failing inside (a parse error, a bug) must not end the run.
      return Attempt.failed("the Slack client failed: " + e);
    }
  }

  /** Slack's answer, masked before it is cut: it may echo the webhook's path. */
  private String bodyOf(SlackApiException e) {
    String body = e.getResponseBody();
    return secrets.mask(body == null ? "" : body);
  }

  /** How a message reaches Slack: by webhook or by the Web API. */
  interface SlackTransport {
    Attempt post(String payload) throws IOException, SlackApiException;

    static SlackTransport of(Slack slack, SlackSection config, Secrets secrets) {
      String webhook = config.webhookUrl();
      if (webhook != null) {
        return payload -> webhook(slack.send(webhook, payload), secrets);
      }
      return new WebApiTransport(
          slack, String.valueOf(config.token()), String.valueOf(config.channel()));
    }

    private static Attempt webhook(WebhookResponse response, Secrets secrets) {
      int code = response.getCode() == null ? 0 : response.getCode();
      if (code >= 200 && code < 300) {
        return Attempt.sent();
      }
      String retryAfter = null;
      if (response.getHeaders() != null) {
        for (var header : response.getHeaders().entrySet()) {
          if ("retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
            retryAfter = header.getValue().get(0);
          }
        }
      }
      // Masked before it is cut: a webhook's error answer may echo the webhook's path.
      String body = response.getBody() == null ? "" : secrets.mask(response.getBody());
      return Attempt.ofStatus("Slack", code, retryAfter, body);
    }
  }

  @Override
  public void close() {
    Slack client = slack;
    if (client == null) {
      return;
    }
    try {
      client.close();
    } catch (Exception e) {
      // Closing only releases the HTTP client's threads; the messages are already settled.
    }
  }
}
