package io.stagewatch.check.http;

import io.stagewatch.config.CaptureReference;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.Secrets;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request an {@code http} check sends, as written: exactly one of {@code path} (joined to the
 * environment's base URL), {@code url} (absolute) and {@code urlTemplate} (an absolute URL once the
 * captured values it refers to are filled in) is set.
 */
public record HttpRequestSpec(
    String method,
    @Nullable String path,
    @Nullable URI url,
    Map<String, String> headers,
    @Nullable String body,
    boolean insecure,
    @Nullable String urlTemplate) {

  public HttpRequestSpec {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A request that refers to no captured value in its URL. */
  public HttpRequestSpec(
      String method,
      @Nullable String path,
      @Nullable URI url,
      Map<String, String> headers,
      @Nullable String body,
      boolean insecure) {
    this(method, path, url, headers, body, insecure, null);
  }

  /**
   * The request with the captured values filled in. A header that carries credentials by its name
   * and got a value so is learned by {@code secrets}.
   */
  HttpRequestSpec withValues(Map<String, String> values, Secrets secrets) {
    Map<String, String> filled = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          String resolved = CaptureReference.resolve(value, values);
          if (!resolved.equals(value)) {
            secrets.learnHeader(name, resolved);
          }
          filled.put(name, resolved);
        });
    String template = urlTemplate;
    URI resolvedUrl = url;
    if (template != null) {
      String text = CaptureReference.resolve(template, values);
      resolvedUrl = EnvironmentConfig.parseBaseUrl(text);
      if (resolvedUrl == null) {
        throw new IllegalArgumentException(
            "url "
                + CaptureReference.shown(template)
                + " is '"
                + secrets.maskUrl(text)
                + "', not an absolute http(s) URL");
      }
    }
    return new HttpRequestSpec(
        method,
        path == null ? null : CaptureReference.resolve(path, values),
        resolvedUrl,
        filled,
        body == null ? null : CaptureReference.resolve(body, values),
        insecure,
        null);
  }

  /**
   * The URL to request in an environment. The base URL's own path is kept, so {@code http://h/api}
   * and {@code /health} give {@code http://h/api/health}.
   */
  public URI target(URI baseUrl) {
    if (url != null) {
      return url;
    }
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + (path == null ? "/" : path));
  }

  /** Whether the check gives a header of this name itself, whatever its case. */
  boolean setsHeader(String name) {
    return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
  }

  /**
   * The environment's headers with the check's own on top; a check's header replaces the
   * environment's of the same name whatever its case.
   */
  public Map<String, String> mergedHeaders(Map<String, String> environmentHeaders) {
    Map<String, String> merged = new LinkedHashMap<>(environmentHeaders);
    headers.forEach(
        (name, value) -> {
          merged.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
          merged.put(name, value);
        });
    return merged;
  }
}
