package io.stagewatch.check;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A value a check takes from its response for the later checks of its suite, which refer to it as
 * {@code ${name}}.
 *
 * @param source where in the response the value is
 * @param expression a JsonPath, a header's name, or a regular expression (its first group, else the
 *     whole match)
 * @param secret whether the value is masked wherever it shows up: marked so, or named like a secret
 */
public record Capture(String name, Source source, String expression, boolean secret) {

  /** Parts of a name that make its value a secret. */
  private static final Set<String> SECRET_WORDS =
      Set.of("token", "secret", "password", "passwd", "key", "credential");

  /** Where a captured value comes from. */
  public enum Source {
    /** The first value a JsonPath finds in the body. */
    JSON,
    /** A response header's first value. */
    HEADER,
    /** A regular expression's first match in the body. */
    REGEX;

    /** The key that selects the source in a suite file. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Whether a capture's name marks its value as a secret: one of its word parts (split at case
   * changes, digits, {@code _} and {@code -}) is token, secret, password, passwd, key or
   * credential, as in {@code accessToken}, {@code api_key} or {@code SESSION_SECRET}, but not
   * {@code monkey}.
   */
  public static boolean isSecretName(String name) {
    return wordsOf(name).stream().anyMatch(SECRET_WORDS::contains);
  }

  private static List<String> wordsOf(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^A-Za-z]+", " ");
    return List.of(spaced.trim().toLowerCase(Locale.ROOT).split(" +"));
  }
}
