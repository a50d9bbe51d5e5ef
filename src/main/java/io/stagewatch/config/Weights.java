package io.stagewatch.config;

/**
 * How much each component counts. The defaults are the usual release readiness formula: CI 40,
 * coverage 30, security 20, quality 10. Staging counts 0 by default, so that the score stays the
 * one teams already compute; staging still gates the verdict. Weights are relative: they need not
 * add up to 100. A plain value of {@code readiness.weights}, one per component of the score.
 */
public record Weights(double ci, double coverage, double security, double quality, double staging) {
  public static final Weights DEFAULT = new Weights(40, 30, 20, 10, 0);
}
