package io.stagewatch.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values of one run, and the masking that keeps them out of every output. A value is
 * secret when it came from an environment variable whose name says so, or when it is the value of a
 * header that carries credentials. Every message passes through {@link #mask} before it is printed,
 * written or stored, so a server that echoes a token back cannot leak it.
 */
public final class Secrets {
  /** What a secret shows as. */
  public static final String MASK = "***";

  private static final List<String> SECRET_VARIABLE_WORDS =
      List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY", "CREDENTIAL");
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final List<String> SECRET_HEADER_WORDS = List.of("token", "key", "secret");

  private static final Pattern JDBC_PASSWORD = Pattern.compile("(?i)password=([^&;]+)");

  private final Set<String> values = ConcurrentHashMap.newKeySet();

  /** Whether an environment variable's value is a secret, judging by its name. */
  public static boolean isSecretVariable(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return SECRET_VARIABLE_WORDS.stream().anyMatch(upper::contains);
  }

  /** Whether a header's value is a secret, judging by its name. */
  public static boolean isSecretHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET_HEADERS.contains(lower) || SECRET_HEADER_WORDS.stream().anyMatch(lower::contains);
  }

  /** Remembers a secret value. */
  public void add(String value) {
    String trimmed = value.trim();
    if (!trimmed.isEmpty()) {
      values.add(trimmed);
    }
  }

  /**
   * Remembers a header value if the header carries credentials. For {@code Bearer x} and {@code
   * Basic x} the credential alone is remembered too, because servers often echo only that part.
   */
  public void addHeader(String name, String value) {
    if (!isSecretHeader(name)) {
      return;
    }
    add(value);
    int space = value.trim().indexOf(' ');
    if (space > 0) {
      add(value.trim().substring(space + 1));
    }
  }

  /** Remembers the password inside a JDBC URL ({@code ...?password=x} or {@code ;password=x}). */
  public void addJdbcUrl(String url) {
    Matcher m = JDBC_PASSWORD.matcher(url);
    while (m.find()) {
      add(m.group(1));
    }
  }

  /** A failure's message with every known secret replaced, as it is printed for the user. */
  public String maskedMessage(Throwable failure) {
    return mask(String.valueOf(failure.getMessage()));
  }

  /** Returns the text with every known secret replaced by {@value #MASK}. */
  public String mask(String text) {
    if (values.isEmpty() || text.isEmpty()) {
      return text;
    }
    String masked = text;
    // Longest first, so that "Bearer abc" is masked whole before "abc" alone.
    for (String secret :
        values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
