package io.stagewatch.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code readiness:}: the gate's threshold, the number of runs the pass rate looks back on, the
 * score's weights, whether a failed latest staging run blocks the verdict whatever the score, and
 * the series (schedule names) behind the staging component and gate: every schedule's when empty.
 */
public record ReadinessConfig(
    int threshold, int window, Weights weights, boolean stagingGate, List<String> series) {
  public static final int DEFAULT_THRESHOLD = 90;
  public static final int DEFAULT_WINDOW = 10;
  public static final boolean DEFAULT_STAGING_GATE = true;
  public static final ReadinessConfig DEFAULT =
      new ReadinessConfig(
          DEFAULT_THRESHOLD, DEFAULT_WINDOW, Weights.DEFAULT, DEFAULT_STAGING_GATE, List.of());

  public ReadinessConfig {
    series = List.copyOf(series);
  }

  /** Without the series: every schedule's (the default). */
  public ReadinessConfig(int threshold, int window, Weights weights, boolean stagingGate) {
    this(threshold, window, weights, stagingGate, List.of());
  }

  private static final double MAX_WEIGHT = 1_000;

  static ReadinessConfig read(MapReader r) {
    Integer threshold = r.integer("threshold", 0, 100);
    Integer window = r.integer("window", 1, 10_000);
    Boolean stagingGate = r.bool("stagingGate");
    List<String> series = r.stringList("series");
    MapReader w = r.child("weights");
    Weights weights = w == null ? Weights.DEFAULT : weights(w);
    r.finish();
    return new ReadinessConfig(
        threshold != null ? threshold : DEFAULT_THRESHOLD,
        window != null ? window : DEFAULT_WINDOW,
        weights,
        stagingGate != null ? stagingGate : DEFAULT_STAGING_GATE,
        series);
  }

  /** Each name in {@code series} must be a schedule's. */
  static void checkSeries(MapReader config, ReadinessConfig readiness, List<ScheduleConfig> all) {
    MapReader r = config.child("readiness");
    for (String name : readiness.series()) {
      if (r != null && all.stream().noneMatch(s -> s.name().equals(name))) {
        r.problem(
            "series",
            "'"
                + name
                + "' is not a schedule's name (schedules: "
                + String.join(", ", all.stream().map(ScheduleConfig::name).toList())
                + ")");
      }
    }
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
