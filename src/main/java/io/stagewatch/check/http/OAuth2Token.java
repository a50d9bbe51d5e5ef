package io.stagewatch.check.http;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What asking for an OAuth2 token gave: a token, or why there is none.
 *
 * @param value the access token; null when the request failed
 * @param renewAt when a kept token is to be fetched anew, shortly before the server says it
 *     expires; null when it did not say (the token serves one run), or on failure
 * @param failure the reason in plain words, masked; null for a token
 */
record OAuth2Token(@Nullable String value, @Nullable Instant renewAt, @Nullable String failure) {

  static OAuth2Token of(String value, @Nullable Instant renewAt) {
    return new OAuth2Token(value, renewAt, null);
  }

  static OAuth2Token failed(String reason) {
    return new OAuth2Token(null, null, reason);
  }
}
