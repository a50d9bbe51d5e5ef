package io.stagewatch.check.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewatch.check.CheckContext;
import io.stagewatch.config.OAuth2Config;
import io.stagewatch.config.Secrets;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The client credentials grant (RFC 6749, section 4.4): a form POST of {@code
 * grant_type=client_credentials} with the client's id and secret as HTTP Basic (section 2.3.1), and
 * the scopes and audience when given; the answer's {@code access_token} and {@code expires_in}. A
 * refusal is told in one line with the server's {@code error} and {@code error_description},
 * masked.
 */
final class OAuth2TokenRequest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The most of a token response that is read. */
  private static final int BODY_CAP = 64 * 1024;

  private final OAuth2Config config;

  OAuth2TokenRequest(OAuth2Config config) {
    this.config = config;
  }

  /** Asks for a token within the check's deadline; {@code now} dates its expiry. */
  OAuth2Token send(CheckContext context, Instant now) throws InterruptedException {
    Secrets secrets = context.secrets();
    String basic = "Basic " + basicCredentials();
    secrets.learnHeader("Authorization", basic);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", basic);
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Accept", "application/json");
    OutgoingRequest request = new OutgoingRequest("POST", config.tokenUrl(), headers, form());
    try {
      CompletedExchange done =
          new RedirectFollower(HttpClients.of(context.resources()), false, context, BODY_CAP)
              .follow(request);
      return answer(done, now, secrets);
    } catch (ExchangeFailedException e) {
      return failed(String.valueOf(e.outcome().message()), secrets);
    } catch (RuntimeException e) {
      return failed(
          String.valueOf(HttpErrors.failure(e, config.tokenUrl(), secrets).outcome().message()),
          secrets);
    }
  }

  private OAuth2Token answer(CompletedExchange done, Instant now, Secrets secrets) {
    int status = done.response().statusCode();
    String body =
        done.response().body().text(ResponseEvaluator.charsetOf(done.response().headers()));
    JsonNode json = parse(body);
    if (status / 100 != 2) {
      return failed("HTTP " + status + refusal(json), secrets);
    }
    JsonNode token = json == null ? null : json.get("access_token");
    if (json == null || token == null || !token.isTextual() || token.asText().isBlank()) {
      return failed("HTTP " + status + " without an access_token", secrets);
    }
    JsonNode expiresIn = json.get("expires_in");
    Instant renewAt =
        expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
            ? OAuth2Tokens.renewAt(now, Duration.ofSeconds(expiresIn.asLong()))
            : null;
    return OAuth2Token.of(token.asText(), renewAt);
  }

  private OAuth2Token failed(String why, Secrets secrets) {
    return OAuth2Token.failed(
        secrets.mask(
            "cannot get an OAuth2 token from "
                + secrets.maskUrl(config.tokenUrl().toString())
                + ": "
                + why));
  }

  /** {@code (invalid_client: Client authentication failed)}, from RFC 6749's error answer. */
  private static String refusal(@Nullable JsonNode json) {
    JsonNode error = json == null ? null : json.get("error");
    if (json == null || error == null || !error.isTextual()) {
      return "";
    }
    JsonNode description = json.get("error_description");
    return " ("
        + error.asText()
        + (description != null && description.isTextual() ? ": " + description.asText() : "")
        + ")";
  }

  private static @Nullable JsonNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private String basicCredentials() {
    String pair = encoded(config.clientId()) + ":" + encoded(config.clientSecret());
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private String form() {
    StringJoiner form = new StringJoiner("&");
    form.add("grant_type=client_credentials");
    if (!config.scopes().isEmpty()) {
      form.add("scope=" + encoded(String.join(" ", config.scopes())));
    }
    String audience = config.audience();
    if (audience != null) {
      form.add("audience=" + encoded(audience));
    }
    return form.toString();
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
