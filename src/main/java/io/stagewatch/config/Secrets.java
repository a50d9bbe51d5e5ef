package io.stagewatch.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The secrets of one run, frozen: collected by a {@link SecretCollector} while the config and the
 * suites are read, then never changed; a run's own copy ({@link #learning}) also takes the secrets
 * met while it runs, such as captured values. This is the one place that knows how a secret can
 * show up in text (as written, URL-encoded, JSON-escaped, HTML-escaped, base64, in a credential
 * query parameter) and masks it; everything printed, written, stored or sent passes through {@link
 * #mask} first.
 *
 * <p>A secret shorter than {@value #MIN_FREE_TEXT_LENGTH} characters is not looked for in free
 * text: a one-letter token would turn every "expected" into "e***pected". It is still masked where
 * stagewatch itself places it: in the URLs it prints ({@link #maskUrl}) and in the headers it
 * forwards ({@link #holdsSecret}). {@code validate} warns about each ({@link #tooShort}).
 */
public final class Secrets {
  /** What a secret shows as. */
  public static final String MASK = "***";

  /** Secrets shorter than this are not looked for in free text, lest they mangle words. */
  public static final int MIN_FREE_TEXT_LENGTH = 8;

  private static final List<String> SECRET_VARIABLE_WORDS =
      List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY", "CREDENTIAL");
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final List<String> SECRET_HEADER_WORDS = List.of("token", "key", "secret");
  private static final List<String> SECRET_KEY_WORDS =
      List.of("password", "passwd", "credential", "webhook");

  private static final Secrets NONE = new Secrets(Map.of());

  /** The secrets known now; replaced whole when a run learns one, never changed in place. */
  private volatile Known known;

  /** Whether {@link #learn} may add to these secrets: only a run's own copy may. */
  private final boolean learns;

  Secrets(Map<String, String> names) {
    this(names, false);
  }

  private Secrets(Map<String, String> names, boolean learns) {
    this.known = new Known(names);
    this.learns = learns;
  }

  /** No secrets: masking still hides credential query parameters and URL passwords. */
  public static Secrets none() {
    return NONE;
  }

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

  /** Whether a config key's value is a secret, judging by its name (a header's or a key's). */
  public static boolean isSecretKey(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return isSecretHeader(name) || SECRET_KEY_WORDS.stream().anyMatch(lower::contains);
  }

  /**
   * Whether a URL query parameter carries a credential, judging by its name: {@code api_key},
   * {@code access_token}, {@code token}, {@code key}, {@code secret}, {@code password}, {@code
   * sig}, {@code signature} and names ending in them ({@code client_secret}, {@code
   * X-Amz-Signature}).
   */
  public static boolean isCredentialParameter(String name) {
    return SecretUrls.isCredentialParameter(name);
  }

  /** Returns the text with every secret replaced by {@value #MASK}. */
  public String mask(String text) {
    if (text.isEmpty()) {
      return text;
    }
    Pattern all = known.forms;
    String masked =
        all == null ? text : all.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
    return SecretUrls.maskCredentials(masked);
  }

  /** A failure's message with every secret replaced, as it is printed for the user. */
  public String maskedMessage(Throwable failure) {
    return mask(String.valueOf(failure.getMessage()));
  }

  /**
   * A URL as stagewatch prints it: credential query parameters, a password in it, and every part
   * that is a secret, however short, replaced by {@value #MASK}; then masked as text.
   */
  public String maskUrl(String url) {
    return mask(SecretUrls.maskParts(url, this::isSecretValue));
  }

  /**
   * Whether a value (a header's, say) holds a secret: any form of a long one, a short one whole.
   */
  public boolean holdsSecret(String value) {
    Known now = known;
    Pattern all = now.forms;
    Pattern words = now.shortWords;
    return all != null && all.matcher(value).find() || words != null && words.matcher(value).find();
  }

  /** Whether a text is, as a whole, one of the secrets. */
  boolean isSecretValue(String text) {
    return known.names.containsKey(text.trim());
  }

  /**
   * The names (variables or config keys, never values) of the secrets too short to be looked for in
   * free text, in the order they were found.
   */
  public List<String> tooShort() {
    Set<String> shortNames = new LinkedHashSet<>();
    known.names.forEach(
        (value, name) -> {
          if (value.length() < MIN_FREE_TEXT_LENGTH) {
            shortNames.add(name);
          }
        });
    return List.copyOf(shortNames);
  }

  /** The secrets and their names, to start a collector from. */
  Map<String, String> names() {
    return known.names;
  }

  /**
   * A copy for one run that can {@link #learn} the secrets only the run meets (captured values, a
   * token fetched for it), so that everything the run prints, writes, stores or sends masks them
   * too. These secrets stay as they are.
   */
  public Secrets learning() {
    return new Secrets(known.names, true);
  }

  /**
   * Adds a secret met while running, under the name warnings may show instead of it. The same rules
   * hold as for the config's: a value shorter than {@value #MIN_FREE_TEXT_LENGTH} characters is
   * masked in URLs and forwarded headers, not in free text.
   *
   * @throws IllegalStateException on secrets that were not made {@link #learning}
   */
  public void learn(String name, String value) {
    if (!learns) {
      throw new IllegalStateException("these secrets are frozen; learn on a run's copy");
    }
    String trimmed = value.trim();
    if (trimmed.isEmpty() || known.names.containsKey(trimmed)) {
      return;
    }
    SecretCollector collector = new SecretCollector();
    collector.add(name, trimmed);
    replace(collector);
  }

  /**
   * Adds a header's value sent while running, when the header carries credentials by its name
   * ({@code Authorization: Bearer x} learns the whole value and {@code x}).
   */
  public void learnHeader(String name, String value) {
    if (!learns || !isSecretHeader(name) || known.names.containsKey(value.trim())) {
      return;
    }
    SecretCollector collector = new SecretCollector();
    collector.addHeader(name, value);
    replace(collector);
  }

  private synchronized void replace(SecretCollector collector) {
    Map<String, String> merged = new LinkedHashMap<>(known.names);
    collector.collected().forEach(merged::putIfAbsent);
    known = new Known(merged);
  }

  /** The secrets and the patterns that find them, built once per change. */
  private static final class Known {
    /** Secret value to the name it is known by (a variable or a config key), in the order found. */
    final Map<String, String> names;

    /** Every form of every secret long enough to be looked for, longest first; null if none. */
    final @Nullable Pattern forms;

    /** The short secrets as whole words, for {@link #holdsSecret}; null if none. */
    final @Nullable Pattern shortWords;

    Known(Map<String, String> names) {
      this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
      this.forms =
          alternation(longValues(this.names).stream().flatMap(v -> SecretForms.of(v).stream()));
      List<String> shortValues =
          this.names.keySet().stream().filter(v -> v.length() < MIN_FREE_TEXT_LENGTH).toList();
      this.shortWords =
          shortValues.isEmpty()
              ? null
              : Pattern.compile(
                  "(?<![A-Za-z0-9])(?:"
                      + shortValues.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                      + ")(?![A-Za-z0-9])");
    }
  }

  private static List<String> longValues(Map<String, String> names) {
    List<String> values = new ArrayList<>();
    for (String value : names.keySet()) {
      if (value.length() >= MIN_FREE_TEXT_LENGTH) {
        values.add(value);
      }
    }
    return values;
  }

  /** One pattern for many literal texts, longest first so that a longer form wins. */
  private static @Nullable Pattern alternation(java.util.stream.Stream<String> texts) {
    List<String> sorted =
        texts
            .filter(t -> t.length() >= MIN_FREE_TEXT_LENGTH)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    return sorted.isEmpty()
        ? null
        : Pattern.compile(sorted.stream().map(Pattern::quote).collect(Collectors.joining("|")));
  }

  @Override
  public String toString() {
    return "Secrets[" + known.names.size() + " values]";
  }
}
