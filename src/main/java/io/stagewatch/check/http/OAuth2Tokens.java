package io.stagewatch.check.http;

import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckResources;
import io.stagewatch.config.OAuth2Config;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The OAuth2 tokens of the environments' client credentials. Each run asks the token endpoint at
 * most once, at its first http check: the checks that come while the token is being fetched wait
 * for it, and a failure is the answer for the whole run, so a refusing endpoint is asked once, not
 * once per check. A token whose lifetime the server gave outlives the run in the {@link
 * CheckResources#lasting lasting} resources (the daemon's), until shortly before it expires.
 */
final class OAuth2Tokens {
  /** How long before its expiry a kept token is fetched anew, at most. */
  static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

  /** The tokens kept across runs, by client credentials. */
  private final Map<OAuth2Config, OAuth2Token> kept = new HashMap<>();

  private OAuth2Tokens() {}

  /**
   * The run's token for {@code config}, fetched by the first check that asks, within that check's
   * deadline; the run's secrets learn it.
   */
  static OAuth2Token forCheck(OAuth2Config config, CheckContext context)
      throws InterruptedException {
    CheckResources resources = context.resources();
    OAuth2Token token = resources.get(RunTokens.class, RunTokens::new).token(config, context);
    String value = token.value();
    if (value != null) {
      context.secrets().learn("the OAuth2 token from " + config.tokenUrl(), value);
    }
    return token;
  }

  /** The kept token, unless it is due to be renewed; null when there is none. */
  private synchronized @Nullable OAuth2Token keptToken(OAuth2Config config, Instant now) {
    OAuth2Token token = kept.get(config);
    Instant renewAt = token == null ? null : token.renewAt();
    if (token == null || renewAt == null || !now.isBefore(renewAt)) {
      kept.remove(config);
      return null;
    }
    return token;
  }

  private synchronized void keep(OAuth2Config config, OAuth2Token token) {
    if (token.value() != null && token.renewAt() != null) {
      kept.put(config, token);
    }
  }

  /**
   * When a token fetched at {@code now} that lives {@code lifetime} is fetched anew: a tenth of its
   * lifetime, at most {@link #RENEW_BEFORE}, before it expires.
   */
  static Instant renewAt(Instant now, Duration lifetime) {
    Duration margin = lifetime.dividedBy(10);
    return now.plus(lifetime).minus(margin.compareTo(RENEW_BEFORE) < 0 ? margin : RENEW_BEFORE);
  }

  /** One run's tokens: each fetched once, the checks that want it meanwhile waiting for it. */
  private static final class RunTokens {
    private final Map<OAuth2Config, CompletableFuture<OAuth2Token>> tokens =
        new ConcurrentHashMap<>();

    OAuth2Token token(OAuth2Config config, CheckContext context) throws InterruptedException {
      CompletableFuture<OAuth2Token> mine = new CompletableFuture<>();
      CompletableFuture<OAuth2Token> first = tokens.putIfAbsent(config, mine);
      if (first == null) {
        OAuth2Token token = fetch(config, context);
        mine.complete(token);
        return token;
      }
      try {
        return first.get(context.remaining().toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return OAuth2Token.failed(
            "no OAuth2 token from " + config.tokenUrl() + " in time for this check");
      } catch (ExecutionException e) {
        return OAuth2Token.failed("cannot get an OAuth2 token from " + config.tokenUrl());
      }
    }

    private static OAuth2Token fetch(OAuth2Config config, CheckContext context)
        throws InterruptedException {
      OAuth2Tokens lasting =
          context.resources().lasting().get(OAuth2Tokens.class, OAuth2Tokens::new);
      Instant now = context.resources().clock().instant();
      OAuth2Token kept = lasting.keptToken(config, now);
      if (kept != null) {
        return kept;
      }
      OAuth2Token fetched = new OAuth2TokenRequest(config).send(context, now);
      lasting.keep(config, fetched);
      return fetched;
    }
  }
}
