package io.stagewatch.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One target environment: where it is, the headers every request carries, its databases.
 *
 * @param oauth2 the client credentials whose token every http check sends; null for none
 */
public record EnvironmentConfig(
    String name,
    URI baseUrl,
    Map<String, String> headers,
    Map<String, DatabaseConfig> databases,
    @Nullable OAuth2Config oauth2) {

  public EnvironmentConfig {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    databases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(databases));
  }

  /** An environment without OAuth2. */
  public EnvironmentConfig(
      String name,
      URI baseUrl,
      Map<String, String> headers,
      Map<String, DatabaseConfig> databases) {
    this(name, baseUrl, headers, databases, null);
  }

  static @Nullable EnvironmentConfig read(String name, MapReader r) {
    String base = r.requiredString("baseUrl");
    if (base != null) {
      r.interpolator().secrets().addUrl(r.nameOf("baseUrl"), base);
    }
    Map<String, String> headers = r.headers("headers");
    Map<String, DatabaseConfig> databases = new LinkedHashMap<>();
    MapReader dbs = r.child("databases");
    if (dbs != null) {
      for (String db : dbs.keys()) {
        MapReader one = dbs.child(db);
        DatabaseConfig config = one == null ? null : DatabaseConfig.read(db, one);
        if (config != null) {
          databases.put(db, config);
        }
      }
      dbs.finish();
    }
    MapReader auth = r.child("auth");
    OAuth2Config oauth2 = auth == null ? null : OAuth2Config.readAuth(auth);
    r.finish();
    if (base == null) {
      return null;
    }
    URI uri = parseBaseUrl(base);
    if (uri == null) {
      r.problem(
          "baseUrl", "expected an absolute http(s) URL, got '" + r.shown("baseUrl", base) + "'");
      return null;
    }
    return new EnvironmentConfig(name, uri, headers, databases, oauth2);
  }

  /** An absolute http(s) URL, or null. */
  public static @Nullable URI parseBaseUrl(String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme();
      if (uri.getHost() == null
          || scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
