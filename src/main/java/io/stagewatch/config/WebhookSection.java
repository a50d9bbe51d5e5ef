package io.stagewatch.config;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A webhook channel ({@code notify.channels: - webhook:}): a JSON POST to any URL. The URL, the
 * values of credential headers (as everywhere) and the signing secret are secrets.
 *
 * @param headers sent with every request, in written order
 * @param template the Mustache template of the body; null for the default JSON body
 * @param secret the HMAC-SHA256 key of the signature header; null for no signature
 * @param signatureHeader the header that carries {@code sha256=<hex>}
 */
public record WebhookSection(
    String url,
    Map<String, String> headers,
    @Nullable String template,
    @Nullable String secret,
    String signatureHeader)
    implements ChannelConfig.Settings {
  public static final String DEFAULT_SIGNATURE_HEADER = "X-Stagewatch-Signature";

  public WebhookSection {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Reads the webhook's keys; the caller reads any other key and finishes the reader. */
  static @Nullable WebhookSection read(MapReader r, Path configFile) {
    String url = r.string("url");
    if (url == null) {
      r.problem("url", "expected the URL to POST to");
    }
    Interpolated hook = r.interpolated("url");
    if (url != null && hook != null) {
      r.interpolator().secrets().endpointUrl(r.nameOf("url"), hook);
    }
    Map<String, String> headers = r.headers("headers");
    String template = r.string("template");
    String templateFile = r.string("templateFile");
    String secret = r.secret("secret");
    String signatureHeader = r.string("signatureHeader");
    if (url != null && !SlackSection.isHttpUrl(url)) {
      r.problem("url", "expected an http(s) URL such as https://example.com/hooks/stagewatch");
    }
    if (template != null && templateFile != null) {
      r.problem("templateFile", "set template or templateFile, not both");
    } else if (template != null) {
      checkTemplate(r, "template", template, "the template");
    } else if (templateFile != null) {
      template = readTemplateFile(r, configFile, templateFile);
    }
    if (url == null) {
      return null;
    }
    return new WebhookSection(
        url,
        headers,
        template,
        secret,
        signatureHeader == null ? DEFAULT_SIGNATURE_HEADER : signatureHeader);
  }

  @Override
  public String kind() {
    return "webhook";
  }

  private static @Nullable String readTemplateFile(MapReader r, Path configFile, String name) {
    Path folder = configFile.toAbsolutePath().getParent();
    Path file = folder == null ? Path.of(name) : folder.resolve(name).normalize();
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      checkTemplate(r, "templateFile", text, "the template " + file);
      return text;
    } catch (IOException e) {
      r.problem("templateFile", "cannot read the template " + file + ": " + e.getMessage());
      return null;
    }
  }

  /**
   * A template that does not parse is a config error at its key, naming the line in it.
   *
   * @param key the key that gave the template, where the problem is reported
   * @param what the template as the message names it: with its file, when it is in one
   */
  private static void checkTemplate(MapReader r, String key, String text, String what) {
    try {
      Mustache.compiler().compile(text);
    } catch (MustacheException e) {
      r.problem(key, what + " does not parse: " + e.getMessage());
    }
  }
}
