package io.stagewatch.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms in which a server may send a secret back: as written, URL-encoded (the ways Java, curl
 * and browsers write it), JSON-escaped (with and without {@code \/}, and {@code \u003c} for HTML
 * characters as Go writes them), HTML-escaped, and base64 (plain and URL-safe, alone or inside a
 * longer base64 text).
 */
final class SecretForms {
  private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-F]{2}");

  private SecretForms() {}

  static Set<String> of(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.addAll(urlEncoded(secret));
    forms.add(json(secret, false, false));
    forms.add(json(secret, true, false));
    forms.add(json(secret, true, true));
    forms.add(json(secret, false, true));
    forms.add(html(secret, "&#39;"));
    forms.add(html(secret, "&#x27;"));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    for (Base64.Encoder encoder :
        new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
      forms.add(encoder.encodeToString(bytes));
      for (int offset = 0; offset < 3; offset++) {
        forms.add(base64Core(encoder, bytes, offset));
      }
    }
    return forms;
  }

  /** {@code URLEncoder}'s form, the RFC 3986 one (%20, ~ as is), each with lower-case hex too. */
  private static Set<String> urlEncoded(String secret) {
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    String rfc = form.replace("+", "%20").replace("%7E", "~");
    Set<String> forms = new LinkedHashSet<>();
    for (String encoded : new String[] {form, rfc}) {
      forms.add(encoded);
      forms.add(lowerHex(encoded));
    }
    return forms;
  }

  private static String lowerHex(String encoded) {
    Matcher m = PERCENT_ESCAPE.matcher(encoded);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, m.group().toLowerCase(Locale.ROOT));
    }
    return m.appendTail(out).toString();
  }

  /**
   * A JSON string's content. {@code slash}: {@code /} as {@code \/} (PHP); {@code html}: {@code < >
   * & '} and all but ASCII as {@code \}{@code uXXXX} (Go, and encoders that make JSON safe in
   * HTML).
   */
  private static String json(String secret, boolean slash, boolean html) {
    StringBuilder out = new StringBuilder();
    for (char c : secret.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append(slash ? "\\/" : "/");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || html && (c > 0x7e || c == '<' || c == '>' || c == '&' || c == '\'')) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String html(String secret, String apostrophe) {
    return secret
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", apostrophe);
  }

  /**
   * The base64 characters that encode the secret's bytes alone when it starts {@code offset} bytes
   * past a 3-byte boundary of a longer text: the characters that share bits with the text around it
   * are left out, so the core is the same whatever surrounds the secret.
   */
  private static String base64Core(Base64.Encoder encoder, byte[] secret, int offset) {
    byte[] shifted = new byte[offset + secret.length];
    System.arraycopy(secret, 0, shifted, offset, secret.length);
    String encoded = encoder.encodeToString(shifted);
    int first = (offset * 8 + 5) / 6;
    int end = (offset + secret.length) * 8 / 6;
    return encoded.substring(first, end);
  }
}
