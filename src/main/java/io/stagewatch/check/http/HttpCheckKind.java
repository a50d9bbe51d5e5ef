package io.stagewatch.check.http;

import io.stagewatch.check.CheckKind;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.check.DegradedResponseTime;
import io.stagewatch.config.CaptureReference;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.MapReader;
import io.stagewatch.config.YamlNode;
import io.stagewatch.config.YamlNode.YamlScalar;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads {@code http:} checks and their {@code expect:} maps. */
public final class HttpCheckKind implements CheckKind {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");

  /** Headers the JDK client sets itself and refuses to take from a caller. */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  @Override
  public String key() {
    return "http";
  }

  @Override
  public @Nullable CheckSpec read(MapReader spec, @Nullable MapReader expect) {
    int problemsBefore = spec.problems().size();
    HttpRequestSpec request = readRequest(spec);
    HttpExpectations expectations = expect == null ? HttpExpectations.DEFAULT : readExpect(expect);
    spec.finish();
    if (expect != null) {
      expect.finish();
    }
    if (request == null || expectations == null || spec.problems().size() > problemsBefore) {
      return null;
    }
    return new HttpCheckSpec(request, expectations);
  }

  private static @Nullable HttpRequestSpec readRequest(MapReader spec) {
    String method = readMethod(spec);
    String path = spec.string("path");
    String urlText = spec.string("url");
    collectUrlSecrets(spec, "path", path);
    collectUrlSecrets(spec, "url", urlText);
    // A URL made of captured values is known when the check runs; its shape is checked then.
    String urlTemplate =
        urlText != null && CaptureReference.holdsReference(urlText) ? urlText : null;
    URI url =
        urlText == null || urlTemplate != null ? null : EnvironmentConfig.parseBaseUrl(urlText);
    if (urlText != null && urlTemplate == null && url == null) {
      spec.problem(
          "url", "expected an absolute http(s) URL, got '" + spec.shown("url", urlText) + "'");
    }
    if (path != null && urlText != null) {
      spec.problem("url", "give either path or url, not both");
    } else if (path == null && urlText == null) {
      spec.problem(
          "expected path: (joined to the environment's baseUrl) or url: (an absolute URL)");
    }
    if (path != null && !isPath(path)) {
      spec.problem(
          "path", "expected a path starting with /, got '" + spec.shown("path", path) + "'");
    }
    Map<String, String> headers = readHeaders(spec);
    String body = spec.string("body");
    Boolean insecure = spec.bool("insecure");
    if (method == null || (path == null) == (url == null && urlTemplate == null)) {
      return null;
    }
    return new HttpRequestSpec(
        method, path, url, headers, body, Boolean.TRUE.equals(insecure), urlTemplate);
  }

  private static @Nullable String readMethod(MapReader spec) {
    String written = spec.string("method");
    if (written == null) {
      return spec.has("method") ? null : "GET";
    }
    String method = written.trim().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      spec.problem(
          "method",
          "expected one of "
              + String.join(", ", METHODS.stream().sorted().toList())
              + ", got '"
              + spec.shown("method", written)
              + "'");
      return null;
    }
    return method;
  }

  /** Whether a path is one, with a sample standing for each captured value it refers to. */
  private static boolean isPath(String written) {
    String path = CaptureReference.sample(written);
    if (!path.startsWith("/") || path.startsWith("//")) {
      return false;
    }
    try {
      new URI(path);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** A credential query parameter in a check's URL is a secret wherever it shows up. */
  private static void collectUrlSecrets(MapReader spec, String key, @Nullable String url) {
    if (url != null) {
      spec.interpolator().secrets().addUrl(spec.nameOf(key), url);
    }
  }

  private static Map<String, String> readHeaders(MapReader spec) {
    Map<String, String> headers = spec.headers("headers");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        spec.problem("headers", header.getKey() + " is set by the HTTP client and cannot be given");
      }
    }
    return headers;
  }

  private static @Nullable HttpExpectations readExpect(MapReader expect) {
    StatusExpectation status = readStatus(expect);
    Map<String, String> json = readJson(expect);
    String bodyContains = expect.string("bodyContains");
    Map<String, String> headers = expect.stringMap("headers");
    Duration maxResponseTime = expect.duration("maxResponseTime");
    Duration degradedResponseTime = DegradedResponseTime.read(expect, maxResponseTime);
    Duration certificateValidFor = expect.duration("certificateValidFor");
    if (status == null) {
      return null;
    }
    return new HttpExpectations(
        status,
        json,
        bodyContains,
        headers,
        maxResponseTime,
        degradedResponseTime,
        certificateValidFor);
  }

  private static @Nullable StatusExpectation readStatus(MapReader expect) {
    if (expect.node("status") == null) {
      return StatusExpectation.ANY_SUCCESS;
    }
    List<String> written = expect.stringList("status");
    StatusExpectation status = StatusExpectation.parse(written);
    if (status == null) {
      expect.problem(
          "status",
          "expected "
              + StatusExpectation.EXPECTED
              + ", got '"
              + expect.shown("status", String.join(", ", written))
              + "'");
    }
    return status;
  }

  /** Reads the JsonPath map by hand, because a YAML null there means "expect null". */
  private static Map<String, String> readJson(MapReader expect) {
    Map<String, String> json = new LinkedHashMap<>();
    MapReader map = expect.child("json");
    if (map == null) {
      return json;
    }
    for (String path : map.keys()) {
      YamlNode node = map.node(path);
      String value =
          node instanceof YamlScalar s && s.isNull()
              ? "null"
              : node == null ? null : map.text(node, map.keyPath(path));
      String invalid = JsonMatcher.invalidPath(path);
      if (invalid != null) {
        map.problem(path, invalid);
      } else if (value != null) {
        json.put(path, value);
      }
    }
    map.finish();
    return json;
  }
}
