package io.stagewatch.config;

import java.util.List;
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
  private final @Nullable List<ConfigProblem> deferred;

  /** An interpolator for which an unset variable without default is a problem. */
  public Interpolator(Map<String, String> environment, Secrets secrets) {
    this(environment, secrets, null);
  }

  /**
   * @param deferred where an unset variable without default is recorded instead of being a problem;
   *     the value then counts as absent. Null makes such a variable a problem.
   */
  public Interpolator(
      Map<String, String> environment, Secrets secrets, @Nullable List<ConfigProblem> deferred) {
    this.environment = Map.copyOf(environment);
    this.secrets = secrets;
    this.deferred = deferred;
  }

  /** The same variables and secrets, recording unset variables in {@code deferred}. */
  public Interpolator deferring(List<ConfigProblem> deferred) {
    return new Interpolator(environment, secrets, deferred);
  }

  public Secrets secrets() {
    return secrets;
  }

  /**
   * Returns the text with every reference replaced, or null when a referenced variable is unset and
   * has no default; the problem then names the variable, never a value.
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
          String message = "environment variable " + name + " is not set and has no default";
          if (deferred == null) {
            problems.add(location, key, message);
          } else {
            deferred.add(new ConfigProblem(location, key, message));
          }
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
