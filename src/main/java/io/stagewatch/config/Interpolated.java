package io.stagewatch.config;

/**
 * A value after interpolation.
 *
 * @param text the value, every reference replaced
 * @param shown the same value as a message may show it: the values of secret variables masked
 * @param onlyDefaults whether it had references and every one fell back to its default written in
 *     the config ({@code ${TOKEN:-none}} with TOKEN unset): such a value is no secret
 */
public record Interpolated(String text, String shown, boolean onlyDefaults) {

  /** A value with no references, as written. */
  public static Interpolated literal(String text) {
    return new Interpolated(text, text, false);
  }
}
