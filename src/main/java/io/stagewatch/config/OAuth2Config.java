package io.stagewatch.config;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An environment's OAuth2 client credentials ({@code auth.oauth2}): the token every http check of
 * the environment sends as {@code Authorization: Bearer}. The client secret is collected as a
 * secret when read.
 *
 * @param scopes sent space-separated as {@code scope}; none when empty
 * @param audience sent as {@code audience}, which some servers (Auth0, Okta) require; null for none
 */
public record OAuth2Config(
    URI tokenUrl,
    String clientId,
    String clientSecret,
    List<String> scopes,
    @Nullable String audience) {

  public OAuth2Config {
    scopes = List.copyOf(scopes);
  }

  /** Reads {@code auth:}, which holds {@code oauth2:}; null when it has none or it is invalid. */
  static @Nullable OAuth2Config readAuth(MapReader auth) {
    MapReader r = auth.child("oauth2");
    OAuth2Config config = r == null ? null : read(r);
    auth.finish();
    return config;
  }

  private static @Nullable OAuth2Config read(MapReader r) {
    int problemsBefore = r.problems().size();
    String tokenUrl = r.requiredString("tokenUrl");
    String clientId = r.requiredString("clientId");
    if (!r.has("clientSecret")) {
      r.problem("clientSecret", "required key is missing");
    }
    String clientSecret = r.secret("clientSecret");
    List<String> scopes = r.stringList("scopes");
    String audience = r.string("audience");
    r.finish();
    if (tokenUrl != null) {
      r.interpolator().secrets().addUrl(r.nameOf("tokenUrl"), tokenUrl);
    }
    URI url = tokenUrl == null ? null : EnvironmentConfig.parseBaseUrl(tokenUrl);
    if (tokenUrl != null && url == null) {
      r.problem(
          "tokenUrl",
          "expected an absolute http(s) URL, got '" + r.shown("tokenUrl", tokenUrl) + "'");
    }
    if (url == null || clientId == null || clientSecret == null) {
      if (r.problems().size() == problemsBefore) {
        r.problem("expected a tokenUrl, a clientId and a clientSecret, none of them empty");
      }
      return null;
    }
    return new OAuth2Config(url, clientId, clientSecret, scopes, audience);
  }
}
