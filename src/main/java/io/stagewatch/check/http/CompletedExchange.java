package io.stagewatch.check.http;

import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The final response after any redirects.
 *
 * @param elapsed from sending the first request to the end of the last body (or the cap)
 */
record CompletedExchange(HttpResponse<CappedBody> response, Duration elapsed) {}
