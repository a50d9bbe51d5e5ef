package io.stagewatch.notify.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.stagewatch.config.Secrets;
import io.stagewatch.config.WebhookSection;
import io.stagewatch.notify.Attempt;
import io.stagewatch.notify.Delivery;
import io.stagewatch.notify.JsonPost;
import io.stagewatch.notify.Notice;
import io.stagewatch.notify.Notifier;
import io.stagewatch.readiness.ReadinessResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * POSTs a JSON body to any URL: the model itself, or what the channel's Mustache template makes of
 * it. Values the template inserts are escaped for a JSON string. With a secret, the body is signed:
 * {@code sha256=<hex of HMAC-SHA256(secret, body bytes)>} in the signature header. A 2xx answer is
 * delivered; 4xx other than 408 and 429 is a refusal; anything else is retried.
 */
public final class WebhookNotifier implements Notifier {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String name;
  private final WebhookSection config;
  private final Secrets secrets;
  private final Duration budget;
  private final @Nullable Template template;
  private final JsonPost post;

  public WebhookNotifier(String name, WebhookSection config, Secrets secrets, Duration budget) {
    this.name = name;
    this.config = config;
    this.secrets = secrets;
    this.budget = budget;
    String text = config.template();
    this.template = text == null ? null : compiler().compile(text);
    this.post = new JsonPost("the webhook", secrets);
  }

  /** Values come out escaped for the inside of a JSON string; a missing name is empty. */
  static Mustache.Compiler compiler() {
    return Mustache.compiler()
        .withEscaper(raw -> new String(JsonStringEncoder.getInstance().quoteAsString(raw)))
        .defaultValue("");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String render(Notice notice) {
    return secrets.mask(body(WebhookModel.of(notice)));
  }

  @Override
  public Optional<String> renderReadiness(ReadinessResult result, @Nullable String project) {
    return Optional.of(secrets.mask(body(WebhookModel.of(result, project))));
  }

  private String body(Map<String, Object> model) {
    Template t = template;
    if (t != null) {
      try {
        return t.execute(model);
      } catch (MustacheException e) {
        // validate found the template well formed; a notice is never lost to how it is worded.
        return json(model);
      }
    }
    return json(model);
  }

  private static String json(Map<String, Object> model) {
    try {
      return JSON.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a model of maps, lists and texts is always JSON", e);
    }
  }

  @Override
  public Delivery send(String payload) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>(config.headers());
    String secret = config.secret();
    if (secret != null) {
      headers.put(config.signatureHeader(), WebhookSignature.of(secret, body));
    }
    return Attempt.retried(budget, () -> post.post(config.url(), headers, body));
  }

  @Override
  public void close() {
    post.close();
  }
}
