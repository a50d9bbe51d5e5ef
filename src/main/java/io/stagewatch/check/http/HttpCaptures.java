package io.stagewatch.check.http;

import io.stagewatch.check.Capture;
import io.stagewatch.check.CheckOutcome;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Takes a passing response's captured values. A capture that finds nothing fails the attempt: the
 * response is not what the later checks were written for, and it is this check that says so.
 */
final class HttpCaptures {
  private HttpCaptures() {}

  static CheckOutcome take(List<Capture> captures, CompletedExchange exchange) {
    HttpResponse<CappedBody> response = exchange.response();
    String text = null;
    Map<String, String> values = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Capture capture : captures) {
      if (capture.source() != Capture.Source.HEADER && text == null) {
        text = response.body().text(ResponseEvaluator.charsetOf(response.headers()));
      }
      String value = valueOf(capture, response, text == null ? "" : text);
      if (value == null) {
        missing.add(whyMissing(capture));
      } else {
        values.put(capture.name(), value);
      }
    }
    return missing.isEmpty()
        ? CheckOutcome.passedCapturing(values)
        : CheckOutcome.failed(String.join("; ", missing));
  }

  private static @Nullable String valueOf(
      Capture capture, HttpResponse<CappedBody> response, String body) {
    return switch (capture.source()) {
      case JSON -> JsonMatcher.firstValue(body, capture.expression());
      case HEADER -> response.headers().firstValue(capture.expression()).orElse(null);
      case REGEX -> {
        Matcher m = Pattern.compile(capture.expression()).matcher(body);
        yield !m.find() ? null : m.groupCount() > 0 ? m.group(1) : m.group();
      }
    };
  }

  private static String whyMissing(Capture capture) {
    String what =
        switch (capture.source()) {
          case JSON -> "the JsonPath " + capture.expression() + " found nothing in the body";
          case HEADER -> "the response has no " + capture.expression() + " header";
          case REGEX -> "the regex '" + capture.expression() + "' matched nothing in the body";
        };
    return "cannot capture ${" + capture.name() + "}: " + what;
  }
}
