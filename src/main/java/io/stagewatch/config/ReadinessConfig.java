package io.stagewatch.config;

import io.stagewatch.readiness.Weights;
import org.jspecify.annotations.Nullable;

/**
 * {@code readiness:}: the gate's threshold, the number of runs the pass rate looks back on, the
 * score's weights and whether a failed latest staging run blocks the verdict whatever the score.
 */
public record ReadinessConfig(int threshold, int window, Weights weights, boolean stagingGate) {
  public static final int DEFAULT_THRESHOLD = 90;
  public static final int DEFAULT_WINDOW = 10;
  public static final boolean DEFAULT_STAGING_GATE = true;
  public static final ReadinessConfig DEFAULT =
      new ReadinessConfig(DEFAULT_THRESHOLD, DEFAULT_WINDOW, Weights.DEFAULT, DEFAULT_STAGING_GATE);

  private static final double MAX_WEIGHT = 1_000;

  static ReadinessConfig read(MapReader r) {
    Integer threshold = r.integer("threshold", 0, 100);
    Integer window = r.integer("window", 1, 10_000);
    Boolean stagingGate = r.bool("stagingGate");
    MapReader w = r.child("weights");
    Weights weights = w == null ? Weights.DEFAULT : weights(w);
    r.finish();
    return new ReadinessConfig(
        threshold != null ? threshold : DEFAULT_THRESHOLD,
        window != null ? window : DEFAULT_WINDOW,
        weights,
        stagingGate != null ? stagingGate : DEFAULT_STAGING_GATE);
  }

  /** A weight left out keeps its default. */
  private static Weights weights(MapReader w) {
    Weights d = Weights.DEFAULT;
    Weights weights =
        new Weights(
            or(w.number("ci", 0, MAX_WEIGHT), d.ci()),
            or(w.number("coverage", 0, MAX_WEIGHT), d.coverage()),
            or(w.number("security", 0, MAX_WEIGHT), d.security()),
            or(w.number("quality", 0, MAX_WEIGHT), d.quality()),
            or(w.number("staging", 0, MAX_WEIGHT), d.staging()));
    w.finish();
    return weights;
  }

  private static double or(@Nullable Double value, double fallback) {
    return value != null ? value : fallback;
  }
}
