package io.stagewatch.check.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an {@code http} check's {@code expect:} map asks of the response.
 *
 * @param json JsonPath expression to the expected value as text; a YAML null is the text "null"
 * @param headers header name to a text the header's value must contain (case-sensitive)
 * @param maxResponseTime the longest the whole exchange (redirects and body included) may take
 * @param degradedResponseTime the longest the same exchange may take before a pass is degraded
 * @param certificateValidFor the least time the server's certificate must still be valid (https)
 */
public record HttpExpectations(
    StatusExpectation status,
    Map<String, String> json,
    @Nullable String bodyContains,
    Map<String, String> headers,
    @Nullable Duration maxResponseTime,
    @Nullable Duration degradedResponseTime,
    @Nullable Duration certificateValidFor) {

  /** What a check without an {@code expect:} map checks: a 2xx status. */
  public static final HttpExpectations DEFAULT =
      new HttpExpectations(
          StatusExpectation.ANY_SUCCESS, Map.of(), null, Map.of(), null, null, null);

  public HttpExpectations(
      StatusExpectation status,
      Map<String, String> json,
      @Nullable String bodyContains,
      Map<String, String> headers,
      @Nullable Duration maxResponseTime) {
    this(status, json, bodyContains, headers, maxResponseTime, null, null);
  }

  public HttpExpectations {
    json = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(json));
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
