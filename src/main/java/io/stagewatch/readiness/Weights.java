package io.stagewatch.readiness;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much each component counts. The defaults are the usual release readiness formula: CI 40,
 * coverage 30, security 20, quality 10. Staging counts 0 by default, so that the score stays the
 * one teams already compute; staging still gates the verdict (see {@link Verdict}). Weights are
 * relative: they need not add up to 100.
 */
public record Weights(double ci, double coverage, double security, double quality, double staging) {
  public static final Weights DEFAULT = new Weights(40, 30, 20, 10, 0);

  public double of(Component component) {
    return switch (component) {
      case CI -> ci;
      case COVERAGE -> coverage;
      case SECURITY -> security;
      case QUALITY -> quality;
      case STAGING -> staging;
    };
  }

  public Map<Component, Double> asMap() {
    Map<Component, Double> map = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      map.put(c, of(c));
    }
    return map;
  }
}
