package io.stagewatch.check.http;

import io.stagewatch.check.CheckContext;
import io.stagewatch.config.Durations;
import io.stagewatch.config.Secrets;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Sends a request and follows redirects itself, so that every hop, body included, counts against
 * one deadline and credentials never follow a redirect to another origin. The URLs its messages
 * name are shown with their secrets masked.
 */
final class RedirectFollower {
  static final int MAX_REDIRECTS = 5;

  private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

  private final HttpClients clients;
  private final boolean insecureTls;
  private final Duration timeout;
  private final long startNanos;
  private final long deadlineNanos;
  private final int bodyCap;
  private final Secrets secrets;

  RedirectFollower(HttpClients clients, boolean insecureTls, CheckContext context, int bodyCap) {
    this.clients = clients;
    this.insecureTls = insecureTls;
    this.timeout = context.timeout();
    this.deadlineNanos = context.deadlineNanos();
    this.startNanos = deadlineNanos - timeout.toNanos();
    this.bodyCap = bodyCap;
    this.secrets = context.secrets();
  }

  CompletedExchange follow(OutgoingRequest first)
      throws ExchangeFailedException, InterruptedException {
    OutgoingRequest request = first;
    for (int redirects = 0; ; redirects++) {
      HttpResponse<CappedBody> response = send(request, redirects);
      URI next = redirectTarget(request.uri(), response);
      if (next == null) {
        return new CompletedExchange(response, Duration.ofNanos(System.nanoTime() - startNanos));
      }
      if (redirects == MAX_REDIRECTS) {
        throw new ExchangeFailedException(
            "more than "
                + MAX_REDIRECTS
                + " redirects (the last one to "
                + secrets.maskUrl(next.toString())
                + ")");
      }
      request = request.redirectTo(next, response.statusCode(), secrets);
    }
  }

  private HttpResponse<CappedBody> send(OutgoingRequest request, int redirects)
      throws ExchangeFailedException, InterruptedException {
    CappedBodyHandler handler = new CappedBodyHandler(bodyCap);
    CompletableFuture<HttpResponse<CappedBody>> future;
    try {
      future = clients.send(request.toHttpRequest(), insecureTls, handler);
    } catch (IllegalArgumentException e) {
      throw HttpErrors.failure(e, request.uri(), secrets);
    }
    try {
      return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // The client's own request timeout stops at the headers; this wait covers the body too.
      handler.abort();
      future.cancel(true);
      throw new ExchangeFailedException(timeoutMessage(handler, redirects));
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw HttpErrors.failure(e, request.uri(), secrets);
    }
  }

  private String timeoutMessage(CappedBodyHandler handler, int redirects) {
    String within = Durations.format(timeout);
    String afterRedirects = redirects == 0 ? "" : ", after " + redirects + " redirects";
    if (!handler.headersArrived()) {
      return "no response within " + within + " (no headers received" + afterRedirects + ")";
    }
    long headersMs = TimeUnit.NANOSECONDS.toMillis(handler.headersNanos() - startNanos);
    return "no complete response within "
        + within
        + " (headers after "
        + headersMs
        + " ms, body still arriving, "
        + CappedBody.size(handler.receivedBytes())
        + " so far"
        + afterRedirects
        + ")";
  }

  private @Nullable URI redirectTarget(URI from, HttpResponse<?> response)
      throws ExchangeFailedException {
    if (!REDIRECT_STATUSES.contains(response.statusCode())) {
      return null;
    }
    String location = response.headers().firstValue("Location").orElse(null);
    if (location == null || location.isBlank()) {
      // Without a target there is nothing to follow; the status is then judged like any other.
      return null;
    }
    URI next;
    try {
      next = from.resolve(location.trim());
    } catch (IllegalArgumentException e) {
      throw new ExchangeFailedException(
          "the server redirected to an invalid location: " + secrets.maskUrl(location.trim()));
    }
    String scheme = next.getScheme();
    if (next.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new ExchangeFailedException(
          "the server redirected to "
              + secrets.maskUrl(next.toString())
              + ", which is not an http(s) URL");
    }
    return next;
  }
}
