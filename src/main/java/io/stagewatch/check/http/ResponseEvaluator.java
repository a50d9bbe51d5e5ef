package io.stagewatch.check.http;

import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.DegradedResponseTime;
import io.stagewatch.check.Quoted;
import io.stagewatch.config.Durations;
import io.stagewatch.config.Secrets;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Judges a complete response against a check's expectations. Every expectation is evaluated, so one
 * message lists all that failed, followed by an excerpt of the body to show what came back. What
 * the server sent is masked before it is cut, so that a cut cannot leave part of a secret.
 */
final class ResponseEvaluator {
  /** The most of the body a message shows, in characters. */
  static final int EXCERPT_LIMIT = 2048;

  /** How far past the excerpt the body is masked before it is cut. */
  private static final int MASK_MARGIN = 4096;

  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

  private final HttpExpectations expect;
  private final int bodyCap;
  private final Secrets secrets;

  ResponseEvaluator(HttpExpectations expect, int bodyCap, Secrets secrets) {
    this.expect = expect;
    this.bodyCap = bodyCap;
    this.secrets = secrets;
  }

  CheckOutcome evaluate(CompletedExchange exchange) {
    HttpResponse<CappedBody> response = exchange.response();
    CappedBody body = response.body();
    String text = body.text(charsetOf(response.headers()));
    List<String> failures = new ArrayList<>();
    if (!expect.status().matches(response.statusCode())) {
      failures.add(
          "expected status " + expect.status().describe() + ", got " + response.statusCode());
    }
    if (!expect.json().isEmpty()) {
      // Only then: loading JsonPath and its JSON mapper is a large part of a one-check run.
      failures.addAll(JsonMatcher.mismatches(expect.json(), text, body.truncated()));
    }
    String wanted = expect.bodyContains();
    if (wanted != null && !text.contains(wanted)) {
      failures.add("body does not contain " + Quoted.of(wanted));
    }
    expect
        .headers()
        .forEach((name, value) -> headerMismatch(response.headers(), name, value, failures));
    failures.replaceAll(secrets::mask);
    Duration max = expect.maxResponseTime();
    if (max != null && exchange.elapsed().compareTo(max) > 0) {
      failures.add(
          "response took "
              + exchange.elapsed().toMillis()
              + " ms, more than maxResponseTime "
              + Durations.format(max));
    }
    CheckOutcome certificate = ServerCertificate.judge(response, expect.certificateValidFor());
    if (certificate != null && !certificate.isPassed()) {
      failures.add(String.valueOf(certificate.message()));
    }
    if (failures.isEmpty()) {
      CheckOutcome passed =
          DegradedResponseTime.judge(
              exchange.elapsed(),
              expect.degradedResponseTime(),
              null,
              "response took " + exchange.elapsed().toMillis() + " ms");
      return withCertificate(passed, certificate);
    }
    return withCertificate(
        new CheckOutcome(
            AttemptVerdict.FAILED,
            String.join("; ", failures) + "\n" + excerpt(maskedHead(text), body.truncated()),
            certificate != null && certificate.permanent()),
        certificate);
  }

  /**
   * Records the certificate's expiry on the outcome; a pass says how long the certificate has left
   * only when the check asked for certificateValidFor (and was not degraded, whose message says how
   * slow it was), so other https checks read as before.
   */
  private CheckOutcome withCertificate(CheckOutcome outcome, @Nullable CheckOutcome certificate) {
    Instant expiry = certificate == null ? null : certificate.certificateExpiry();
    if (certificate == null || expiry == null) {
      return outcome;
    }
    CheckOutcome recorded =
        outcome.isPassed() && !outcome.degraded() && expect.certificateValidFor() != null
            ? certificate
            : outcome;
    return recorded.withCertificateExpiry(expiry);
  }

  private static void headerMismatch(
      HttpHeaders headers, String name, String wanted, List<String> failures) {
    List<String> values = headers.allValues(name);
    if (values.isEmpty()) {
      failures.add(
          "header " + name + ": expected to contain " + Quoted.of(wanted) + ", but it is missing");
    } else if (values.stream().noneMatch(v -> v.contains(wanted))) {
      failures.add(
          "header "
              + name
              + ": expected to contain "
              + Quoted.of(wanted)
              + ", got "
              + Quoted.of(String.join(", ", values)));
    }
  }

  /**
   * The start of the body with the secrets masked: enough past the excerpt that a secret the cut
   * would split is masked whole, without masking a megabyte that is never shown.
   */
  private String maskedHead(String text) {
    int head = EXCERPT_LIMIT + MASK_MARGIN;
    return secrets.mask(text.length() <= head ? text : text.substring(0, head));
  }

  private String excerpt(String text, boolean truncated) {
    StringBuilder out = new StringBuilder("body: ");
    if (text.isEmpty()) {
      out.append("(empty)");
    } else if (text.length() > EXCERPT_LIMIT) {
      out.append(text, 0, EXCERPT_LIMIT)
          .append(" ... (cut at ")
          .append(CappedBody.size(EXCERPT_LIMIT))
          .append(')');
    } else {
      out.append(text);
    }
    if (truncated) {
      out.append("\n(the body was cut at ")
          .append(CappedBody.size(bodyCap))
          .append("; the rest was not read)");
    }
    return out.toString();
  }

  static Charset charsetOf(HttpHeaders headers) {
    String type = headers.firstValue("Content-Type").orElse("");
    Matcher m = CHARSET.matcher(type);
    if (m.find()) {
      try {
        return Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        // An unknown charset still leaves a body worth showing; UTF-8 is the likeliest guess.
      }
    }
    return StandardCharsets.UTF_8;
  }
}
