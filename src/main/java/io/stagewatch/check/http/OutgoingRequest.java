package io.stagewatch.check.http;

import io.stagewatch.config.Secrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One request as it goes on the wire, and the request that follows it after a redirect. */
record OutgoingRequest(String method, URI uri, Map<String, String> headers, @Nullable String body) {

  /** Headers that carry credentials whatever their name says. */
  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie");

  OutgoingRequest {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  HttpRequest toHttpRequest() {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // Plain HTTP/2 would start with an upgrade dance that some servers mishandle.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    headers.forEach((name, value) -> header(builder, name, value));
    return builder.build();
  }

  /**
   * The client's own complaint about a header quotes its value, and a header value is often a
   * credential (a token read from a file keeps its line break): the header is named instead, and
   * the complaint, cause and all, is left behind.
   */
  @SuppressWarnings("UnusedException")
  private static void header(HttpRequest.Builder builder, String name, String value) {
    try {
      builder.header(name, value);
    } catch (IllegalArgumentException e) {
      // The complaint about a restricted name quotes the name alone: it can say what it is.
      boolean restricted = String.valueOf(e.getMessage()).startsWith("restricted header name");
      throw new IllegalArgumentException(
          "header "
              + name
              + (restricted
                  ? " cannot be sent: the HTTP client sets it itself (a restricted header)"
                  : " cannot be sent: its name or value holds a character HTTP does not allow"
                      + " (a line break, say)"));
    }
  }

  /**
   * The request to send after a redirect with {@code status} to {@code location}. A 303, and a 301
   * or 302 after anything but GET or HEAD, becomes a GET without body, as browsers do. Credentials
   * are not sent to another origin: a redirect must not hand a token to a third party. A header is
   * a credential by its name or when its value holds one of the run's secrets ({@code X-Session:
   * ${SESSION_TOKEN}}).
   */
  OutgoingRequest redirectTo(URI location, int status, Secrets secrets) {
    boolean becomesGet =
        status == 303 && !method.equals("HEAD")
            || (status == 301 || status == 302) && !method.equals("GET") && !method.equals("HEAD");
    Map<String, String> nextHeaders = new LinkedHashMap<>(headers);
    if (becomesGet) {
      nextHeaders.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
    }
    if (!sameOrigin(uri, location)) {
      nextHeaders
          .entrySet()
          .removeIf(h -> isCredential(h.getKey()) || secrets.holdsSecret(h.getValue()));
    }
    return new OutgoingRequest(
        becomesGet ? "GET" : method, location, nextHeaders, becomesGet ? null : body);
  }

  static boolean isCredential(String headerName) {
    return CREDENTIAL_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))
        || Secrets.isSecretHeader(headerName);
  }

  static boolean sameOrigin(URI a, URI b) {
    return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
        && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
