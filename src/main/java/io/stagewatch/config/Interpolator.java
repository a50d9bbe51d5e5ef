package io.stagewatch.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} with values from the environment; {@code
 * $${...}} stays literal. Every variable read is reported to the {@link SecretCollector}, which
 * keeps the values of those whose names mark them secret, so they can be masked wherever they end
 * up; a default written in the config is never reported.
 */
public final class Interpolator {
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Map<String, String> environment;
  private final SecretCollector secrets;
  private final @Nullable List<ConfigProblem> deferred;

  /** Names captured by earlier checks of a suite: their references wait for the run's values. */
  private final Set<String> captured;

  /** Where the captured names referred to are noted; null outside a suite's checks. */
  private final @Nullable Set<String> used;

  /** An interpolator for which an unset variable without default is a problem. */
  public Interpolator(Map<String, String> environment, SecretCollector secrets) {
    this(environment, secrets, null);
  }

  /**
   * @param deferred where an unset variable without default is recorded instead of being a problem;
   *     the value then counts as absent. Null makes such a variable a problem.
   */
  public Interpolator(
      Map<String, String> environment,
      SecretCollector secrets,
      @Nullable List<ConfigProblem> deferred) {
    this(environment, secrets, deferred, Set.of(), null);
  }

  private Interpolator(
      Map<String, String> environment,
      SecretCollector secrets,
      @Nullable List<ConfigProblem> deferred,
      Set<String> captured,
      @Nullable Set<String> used) {
    this.environment = Map.copyOf(environment);
    this.secrets = secrets;
    this.deferred = deferred;
    this.captured = Set.copyOf(captured);
    this.used = used;
  }

  /** The same variables and secrets, recording unset variables in {@code deferred}. */
  public Interpolator deferring(List<ConfigProblem> deferred) {
    return new Interpolator(environment, secrets, deferred, captured, used);
  }

  /**
   * The same, for a check of a suite: {@code ${name}} of a name in {@code captured} (captured by an
   * earlier check) is kept as a {@link CaptureReference} for the run to fill in, whether or not an
   * environment variable has that name, and noted in {@code used}.
   */
  public Interpolator capturing(Set<String> captured, Set<String> used) {
    return new Interpolator(environment, secrets, deferred, captured, used);
  }

  /** Where the secrets met while interpolating are collected. */
  public SecretCollector secrets() {
    return secrets;
  }

  /**
   * Returns the text with every reference replaced, or null when a referenced variable is unset and
   * has no default; the problem then names the variable, never a value.
   */
  public @Nullable String resolve(String text, Location location, String key, Problems problems) {
    Interpolated value = interpolate(text, location, key, problems);
    return value == null ? null : value.text();
  }

  /**
   * Like {@link #resolve}, telling also what a message may show of the value and whether only
   * defaults made it.
   */
  public @Nullable Interpolated interpolate(
      String text, Location location, String key, Problems problems) {
    if (!text.contains("${")) {
      return Interpolated.literal(text);
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    StringBuilder shown = new StringBuilder();
    boolean missing = false;
    boolean references = false;
    boolean fromEnvironment = false;
    int last = 0;
    while (m.find()) {
      boolean escaped = m.group().equals("$${");
      Piece piece = escaped ? Piece.ESCAPED : piece(m, location, key, problems);
      references |= !escaped;
      missing |= piece == null;
      if (piece != null) {
        fromEnvironment |= piece.fromEnvironment();
        out.append(text, last, m.start()).append(piece.value());
        shown.append(text, last, m.start()).append(piece.shown());
      }
      last = m.end();
    }
    out.append(text, last, text.length());
    shown.append(text, last, text.length());
    return missing
        ? null
        : new Interpolated(out.toString(), shown.toString(), references && !fromEnvironment);
  }

  /** What one {@code ${NAME}} or {@code ${NAME:-default}} stands for; null when it is unset. */
  private @Nullable Piece piece(Matcher m, Location location, String key, Problems problems) {
    String name = m.group(1);
    String fallback = m.group(2);
    Set<String> references = used;
    if (references != null && captured.contains(name) && fallback == null) {
      references.add(name);
      return new Piece(CaptureReference.of(name), "${" + name + "}", true);
    }
    String value = environment.get(name);
    if (value != null) {
      secrets.variable(name, value);
      return new Piece(value, Secrets.isSecretVariable(name) ? Secrets.MASK : value, true);
    }
    if (fallback != null) {
      return new Piece(fallback, fallback, false);
    }
    String message =
        "environment variable "
            + name
            + " is not set and has no default"
            + (captured.isEmpty() ? "" : ", and no earlier check of the suite captures " + name);
    if (deferred == null) {
      problems.add(location, key, message);
    } else {
      deferred.add(new ConfigProblem(location, key, message));
    }
    return null;
  }

  /** A reference's value, as a message may show it, and whether the environment gave it. */
  private record Piece(String value, String shown, boolean fromEnvironment) {
    static final Piece ESCAPED = new Piece("${", "${", false);
  }
}
