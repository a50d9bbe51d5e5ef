package io.stagewatch.check.http;

import io.stagewatch.check.Capture;
import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.OAuth2Config;
import io.stagewatch.config.Secrets;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An {@code http} check: one request, redirects followed, the response judged. Its messages show
 * what the server sent with the run's secrets masked (a body before it is cut, so that no half of a
 * secret survives the cut); the run masks every message once more on its way out.
 */
public record HttpCheckSpec(
    HttpRequestSpec request, HttpExpectations expect, List<Capture> captures) implements CheckSpec {

  private static final String AUTHORIZATION = "Authorization";

  /** The most of a response body that is read; the rest is never downloaded. */
  public static final int BODY_CAP = 1024 * 1024;

  public HttpCheckSpec {
    captures = List.copyOf(captures);
  }

  /** A check that captures nothing. */
  public HttpCheckSpec(HttpRequestSpec request, HttpExpectations expect) {
    this(request, expect, List.of());
  }

  @Override
  public CheckSpec capturing(List<Capture> taken) {
    return new HttpCheckSpec(request, expect, taken);
  }

  /**
   * A URL that cannot be made of the captured values fails every attempt the same way, as a request
   * that cannot be built.
   */
  @Override
  public CheckSpec withValues(Map<String, String> values, Secrets secrets) {
    try {
      return new HttpCheckSpec(request.withValues(values, secrets), expect, captures);
    } catch (IllegalArgumentException e) {
      String reason = secrets.maskedMessage(e);
      return context -> CheckOutcome.permanentError(reason);
    }
  }

  /**
   * The exchange is awaited within the deadline, and the one blocking step, resolving the host
   * name, runs on a thread of its own (see {@link HttpClients#send}).
   */
  @Override
  public boolean keepsItsDeadline() {
    return true;
  }

  @Override
  public CheckOutcome attempt(CheckContext context) throws InterruptedException {
    Map<String, String> headers = request.mergedHeaders(context.environment().headers());
    OAuth2Config oauth2 = context.environment().oauth2();
    if (oauth2 != null && !request.setsHeader(AUTHORIZATION)) {
      OAuth2Token token = OAuth2Tokens.forCheck(oauth2, context);
      String value = token.value();
      if (value == null) {
        // The run asks once: every check gets the same answer, and a retry would not ask again.
        return CheckOutcome.permanentError(String.valueOf(token.failure()));
      }
      headers.keySet().removeIf(name -> name.equalsIgnoreCase(AUTHORIZATION));
      headers.put(AUTHORIZATION, "Bearer " + value);
    }
    return exchange(context, headers);
  }

  @Override
  public List<String> flags() {
    return request.insecure() ? List.of("insecure") : List.of();
  }

  private CheckOutcome exchange(CheckContext context, Map<String, String> headers) {
    URI target = null;
    try {
      target = request.target(context.environment().baseUrl());
      OutgoingRequest first =
          new OutgoingRequest(request.method(), target, headers, request.body());
      HttpClients clients = HttpClients.of(context.resources());
      CompletedExchange done =
          new RedirectFollower(clients, request.insecure(), context, BODY_CAP).follow(first);
      CheckOutcome judged =
          new ResponseEvaluator(expect, BODY_CAP, context.secrets()).evaluate(done);
      return judged.isPassed() && !captures.isEmpty() ? HttpCaptures.take(captures, done) : judged;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckOutcome.error("interrupted before the response was complete");
    } catch (ExchangeFailedException e) {
      return e.outcome();
    } catch (RuntimeException e) {
      return HttpErrors.failure(
              e, target == null ? context.environment().baseUrl() : target, context.secrets())
          .outcome();
    }
  }
}
