package io.stagewatch.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the secrets met while the config and the suites are read, each with the name it is known
 * by (the variable it came from, else the config key), and {@link #freeze freezes} them into the
 * {@link Secrets} a run masks with. One collector serves one load; it is not shared between
 * threads.
 *
 * <p>A value is secret when it comes from an environment variable whose name says so, or when it is
 * a credential by its place: a header that carries credentials, a password, a token, a webhook URL,
 * a credential query parameter or a password inside a URL. A default written in the config ({@code
 * ${TOKEN:-none}}) is never a secret: it is in the config for anyone to read.
 */
public final class SecretCollector {
  /** A webhook's last path part this long is taken for a token. */
  static final int PATH_TOKEN_LENGTH = 24;

  /** The name of a secret whose origin is unknown (added by code, not read at a key). */
  static final String UNNAMED = "a value in the config";

  private static final Pattern URL_PARAMETER = Pattern.compile("[?&;#]([^=&;#]+)=([^&;#]+)");
  private static final Pattern URL_PASSWORD = Pattern.compile("://[^/?#@:]*:([^/?#@]+)@");

  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, String> variables = new HashMap<>();

  /** An empty collector. */
  public SecretCollector() {}

  /** A collector that starts from frozen secrets (the config's, before its suites are read). */
  public SecretCollector(Secrets start) {
    names.putAll(start.names());
  }

  /** Interpolation read {@code name} from the environment: its value is secret if its name says. */
  void variable(String name, String value) {
    variables.putIfAbsent(value.trim(), name);
    if (Secrets.isSecretVariable(name)) {
      add(name, value);
    }
  }

  /**
   * Remembers a secret value under a name warnings may show instead of it; the variable it came
   * from is preferred when there is one.
   */
  public void add(String name, String value) {
    String trimmed = value.trim();
    // A reference to a captured value is no secret; what it stands for is learned when it is known.
    if (!trimmed.isEmpty() && !CaptureReference.holdsReference(trimmed)) {
      names.putIfAbsent(trimmed, variables.getOrDefault(trimmed, name));
    }
  }

  /** Remembers a secret value of no particular origin. */
  public void add(String value) {
    add(UNNAMED, value);
  }

  /**
   * A value read at a key whose name says credential (a password, a token): secret unless default.
   */
  public void credential(String key, Interpolated value) {
    if (!value.onlyDefaults()) {
      add(key, value.text());
    }
  }

  /** A header read at {@code key}: its value is secret if the header carries credentials. */
  public void header(String key, String name, Interpolated value) {
    if (Secrets.isSecretHeader(name) && !value.onlyDefaults()) {
      credentialHeader(key, value.text());
    }
  }

  /** A header given in code rather than read: secret if the header carries credentials. */
  public void addHeader(String name, String value) {
    if (Secrets.isSecretHeader(name)) {
      credentialHeader(UNNAMED, value);
    }
  }

  /** The secrets of an environment built in code: credential headers, database passwords. */
  public void addEnvironment(EnvironmentConfig environment) {
    environment.headers().forEach(this::addHeader);
    for (DatabaseConfig database : environment.databases().values()) {
      String password = database.password();
      if (password != null) {
        add(password);
      }
      addUrl(UNNAMED, database.url());
    }
  }

  /**
   * The secrets inside a URL: the values of credential query parameters (also JDBC's {@code
   * ;password=x}) and the password of {@code user:password@}.
   */
  public void addUrl(String key, String url) {
    Matcher parameters = URL_PARAMETER.matcher(url);
    while (parameters.find()) {
      if (Secrets.isCredentialParameter(parameters.group(1))) {
        add(key, parameters.group(2));
      }
    }
    Matcher password = URL_PASSWORD.matcher(url);
    if (password.find()) {
      add(key, password.group(1));
    }
  }

  /**
   * A Slack webhook URL: secret whole, and its path alone ({@code services/T/B/x}), which Slack's
   * error answers echo; its last part too when it is long enough to be looked for on its own.
   */
  public void webhookUrl(String key, Interpolated url) {
    if (url.onlyDefaults()) {
      return;
    }
    String text = url.text().trim();
    add(key, text);
    int scheme = text.indexOf("://");
    int slash = scheme < 0 ? -1 : text.indexOf('/', scheme + 3);
    if (slash >= 0 && slash + 1 < text.length()) {
      add(key, text.substring(slash + 1));
      String last = text.substring(text.lastIndexOf('/') + 1);
      if (last.length() >= Secrets.MIN_FREE_TEXT_LENGTH) {
        add(key, last);
      }
    }
  }

  /**
   * The URL of a webhook of any service: secret whole, with the credentials inside it (query
   * parameters named like credentials, a password) and its last path part when it is long enough to
   * be a token, as Discord's is. Shorter parts are left alone: {@code /hooks/stagewatch} names a
   * route, and masking it would mask that word everywhere.
   */
  public void endpointUrl(String key, Interpolated url) {
    if (url.onlyDefaults()) {
      return;
    }
    String text = url.text().trim();
    add(key, text);
    addUrl(key, text);
    String path = text.replaceFirst("[?#].*$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (last.length() >= PATH_TOKEN_LENGTH) {
      add(key, last);
    }
  }

  /** The secrets collected so far and their names, for {@link Secrets#learn}. */
  Map<String, String> collected() {
    return names;
  }

  /** The secrets collected so far, frozen. The collector may go on collecting. */
  public Secrets freeze() {
    return new Secrets(names);
  }

  /**
   * {@code Bearer x}: the whole value and the credential after the scheme, which servers often echo
   * alone; for {@code Basic}, also the decoded {@code user:password} and the password.
   */
  private void credentialHeader(String key, String value) {
    String trimmed = value.trim();
    add(key, trimmed);
    int space = trimmed.indexOf(' ');
    if (space <= 0) {
      return;
    }
    String credential = trimmed.substring(space + 1).trim();
    add(key, credential);
    if (trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
      try {
        String decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
        add(key, decoded);
        int colon = decoded.indexOf(':');
        if (colon >= 0) {
          add(key, decoded.substring(colon + 1));
        }
      } catch (IllegalArgumentException e) {
        // Not base64 after all: the credential is remembered as written.
      }
    }
  }
}
