package io.stagewatch.notify;

import io.stagewatch.config.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One JSON POST to a notification peer and the verdict on its answer, for the notifiers that speak
 * plain HTTP (webhook, PagerDuty). Every error leaves here masked: a peer may echo its URL, and the
 * URL may hold a token. The client is built on the first message, as most runs send none.
 */
public final class JsonPost implements AutoCloseable {
  /** How long one request may take; the notifier's budget bounds the retries. */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final String peer;
  private final Secrets secrets;
  private @Nullable HttpClient client;

  /**
   * @param peer how messages name the peer ({@code the webhook}, {@code PagerDuty})
   */
  public JsonPost(String peer, Secrets secrets) {
    this.peer = peer;
    this.secrets = secrets;
  }

  /** Posts {@code body}; any 2xx is sent, the rest judged by {@link Attempt#ofStatus}. */
  public Attempt post(String url, Map<String, String> headers, byte[] body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(request::header);
      HttpResponse<String> response =
          client()
              .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return Attempt.sent();
      }
      String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      return Attempt.ofStatus(capitalized(peer), status, retryAfter, secrets.mask(response.body()));
    } catch (IOException e) {
      return Attempt.retry(secrets.mask(capitalized(peer) + " could not be reached: " + e), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.retry(capitalized(peer) + " was not reached: interrupted", null);
    } catch (RuntimeException e) {
      // A bad header name or value in the config, or the client failing inside: not retried.
      return Attempt.failed(secrets.mask("the request to " + peer + " could not be made: " + e));
    }
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      c = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      client = c;
    }
    return c;
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  @Override
  public void close() {
    HttpClient c = client;
    if (c != null) {
      c.close();
    }
  }
}
