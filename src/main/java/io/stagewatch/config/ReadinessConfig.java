package io.stagewatch.config;

/** {@code readiness:}: the gate's threshold and the number of runs the pass rate looks back on. */
public record ReadinessConfig(int threshold, int window) {
  public static final int DEFAULT_THRESHOLD = 90;
  public static final int DEFAULT_WINDOW = 10;
  public static final ReadinessConfig DEFAULT =
      new ReadinessConfig(DEFAULT_THRESHOLD, DEFAULT_WINDOW);

  static ReadinessConfig read(MapReader r) {
    Integer threshold = r.integer("threshold", 0, 100);
    Integer window = r.integer("window", 1, 10_000);
    r.finish();
    return new ReadinessConfig(
        threshold != null ? threshold : DEFAULT_THRESHOLD,
        window != null ? window : DEFAULT_WINDOW);
  }
}
