package io.stagewatch.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} with values from the environment; {@code
 * $${...}} stays literal. Values of variables whose names mark them secret are handed to {@link
 * Secrets} as they are read, so they can be masked wherever they end up.
 */
public final class Interpolator {
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Map<String, String> environment;
  private final Secrets secrets;

  public Interpolator(Map<String, String> environment, Secrets secrets) {
    this.environment = Map.copyOf(environment);
    this.secrets = secrets;
  }

  public Secrets secrets() {
    return secrets;
  }

  /**
   * Returns the text with every reference replaced, or null when a referenced variable is unset
   * and has no default; the problem then names the variable, never a value.
   */
  public @Nullable String resolve(String text, Location location, String key, Problems problems) {
    if (!text.contains("${")) {
      return text;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean missing = false;
    while (m.find()) {
      String replacement;
      if (m.group().equals("$${")) {
        replacement = "${";
      } else {
        String name = m.group(1);
        String value = environment.get(name);
        String fallback = m.group(2);
        if (value == null && fallback == null) {
          problems.add(
              location, key, "environment variable " + name + " is not set and has no default");
          missing = true;
          replacement = "";
        } else {
          replacement = value != null ? value : fallback;
          if (value != null && Secrets.isSecretVariable(name)) {
            secrets.add(value);
          }
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return missing ? null : out.toString();
  }
}
