package io.stagewatch.check.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request an {@code http} check sends, as written: exactly one of {@code path} (joined to the
 * environment's base URL) and {@code url} (absolute) is set.
 */
public record HttpRequestSpec(
    String method,
    @Nullable String path,
    @Nullable URI url,
    Map<String, String> headers,
    @Nullable String body,
    boolean insecure) {

  public HttpRequestSpec {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
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
