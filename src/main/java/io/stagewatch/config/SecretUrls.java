package io.stagewatch.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets by their place in a URL rather than by their value: the values of query parameters named
 * like credentials, the password in {@code scheme://user:password@host}, the path of a Slack
 * webhook. These are masked in any text, known or not, because a server that redirects to {@code
 * ?access_token=...} made up a secret stagewatch has never seen.
 */
final class SecretUrls {
  /**
   * A parameter name that says credential: ending in token, secret, password or signature, or being
   * (or ending in {@code _}/{@code -} and) key, api_key, apikey, sig or pwd.
   */
  private static final String CREDENTIAL_NAME =
      "(?:[a-z0-9_.-]*(?:token|secret|password|passwd|signature|credential)"
          + "|(?:[a-z0-9_.-]*[_.-])?(?:api_?key|key|sig|pwd))";

  private static final Pattern CREDENTIAL_PARAMETER_NAME =
      Pattern.compile("(?i)" + CREDENTIAL_NAME);

  /** {@code ?name=value}, {@code &name=value}, {@code ;name=value} (JDBC) and {@code #name=}. */
  private static final Pattern CREDENTIAL_PARAMETER =
      Pattern.compile("(?i)([?&;#]" + CREDENTIAL_NAME + "=)[^&;#\\s\"'<>\\\\)]+");

  /** {@code password=value} in a key-value connection string ({@code host=h password=p}). */
  private static final Pattern DSN_PASSWORD =
      Pattern.compile("(?i)((?:^|\\s)(?:password|passwd|pwd)=)[^&;\\s\"'<>\\\\)]+");

  /** {@code scheme://user:password@}: the password goes, the user stays. */
  private static final Pattern USERINFO_PASSWORD =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/?#@\\s:]*):[^/?#@\\s]+@");

  /** A Slack webhook's path is its secret, also JSON-escaped ({@code \/}). */
  private static final Pattern SLACK_HOOK =
      Pattern.compile("(?i)(hooks\\.slack(?:-gov)?\\.com\\\\?/)[A-Za-z0-9_/\\\\-]+");

  private static final Pattern PARAMETER = Pattern.compile("([?&;#])([^=&;#]*)=([^&;#]*)");

  private SecretUrls() {}

  static boolean isCredentialParameter(String name) {
    return CREDENTIAL_PARAMETER_NAME.matcher(name).matches();
  }

  /** Masks what is secret by its place in any URL the text holds. */
  static String maskCredentials(String text) {
    if (text.indexOf('=') < 0 && text.indexOf('@') < 0 && text.indexOf("hooks.slack") < 0) {
      return text;
    }
    String masked = CREDENTIAL_PARAMETER.matcher(text).replaceAll("$1" + Secrets.MASK);
    masked = DSN_PASSWORD.matcher(masked).replaceAll("$1" + Secrets.MASK);
    masked = USERINFO_PASSWORD.matcher(masked).replaceAll("$1:" + Secrets.MASK + "@");
    return SLACK_HOOK.matcher(masked).replaceAll("$1" + Secrets.MASK);
  }

  /**
   * A URL (or a path with a query) with every part that is a secret masked: a user, a path segment,
   * a query value, however short. The URL need not be valid: a config error shows what was written.
   */
  static String maskParts(String url, Predicate<String> isSecret) {
    int start = url.indexOf("://");
    int pathStart = 0;
    StringBuilder out = new StringBuilder();
    if (start >= 0) {
      int authorityEnd = indexOfAny(url, "/?#", start + 3);
      String authority = url.substring(start + 3, authorityEnd);
      out.append(url, 0, start + 3).append(maskUser(authority, isSecret));
      pathStart = authorityEnd;
    }
    int queryStart = indexOfAny(url, "?#", pathStart);
    String path = url.substring(pathStart, queryStart);
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      out.append(i == 0 ? "" : "/")
          .append(isSecret.test(decoded(segments[i])) ? Secrets.MASK : segments[i]);
    }
    if (queryStart < url.length()) {
      out.append(maskParameters(url.substring(queryStart), isSecret));
    }
    return out.toString();
  }

  private static String maskUser(String authority, Predicate<String> isSecret) {
    int at = authority.lastIndexOf('@');
    if (at < 0) {
      return authority;
    }
    String user = authority.substring(0, at);
    int colon = user.indexOf(':');
    String name = colon < 0 ? user : user.substring(0, colon);
    String shownName = isSecret.test(decoded(name)) ? Secrets.MASK : name;
    return shownName + (colon < 0 ? "" : ":" + Secrets.MASK) + authority.substring(at);
  }

  /** {@code ?a=1&b=2#c=3}: each value masked when its name says credential or it is a secret. */
  private static String maskParameters(String query, Predicate<String> isSecret) {
    Matcher m = PARAMETER.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2);
      String value = m.group(3);
      boolean secret =
          isCredentialParameter(decoded(name)) || !value.isEmpty() && isSecret.test(decoded(value));
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1) + name + "=" + (secret ? Secrets.MASK : value)));
    }
    return m.appendTail(out).toString();
  }

  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static String decoded(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part;
    }
  }
}
