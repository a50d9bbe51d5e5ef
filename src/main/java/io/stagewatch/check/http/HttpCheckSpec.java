package io.stagewatch.check.http;

import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An {@code http} check: one request, redirects followed, the response judged. Its messages show
 * what the server sent with the run's secrets masked (a body before it is cut, so that no half of a
 * secret survives the cut); the run masks every message once more on its way out.
 */
public record HttpCheckSpec(HttpRequestSpec request, HttpExpectations expect) implements CheckSpec {

  /** The most of a response body that is read; the rest is never downloaded. */
  public static final int BODY_CAP = 1024 * 1024;

  /**
   * The exchange is awaited within the deadline, and the one blocking step, resolving the host
   * name, runs on a thread of its own (see {@link HttpClients#send}).
   */
  @Override
  public boolean keepsItsDeadline() {
    return true;
  }

  @Override
  public CheckOutcome attempt(CheckContext context) {
    Map<String, String> headers = request.mergedHeaders(context.environment().headers());
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
      return new ResponseEvaluator(expect, BODY_CAP, context.secrets()).evaluate(done);
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
