package io.stagewatch.readiness;

import io.stagewatch.config.Weights;

/** The parts of the readiness score, in the order they are shown. */
public enum Component {
  CI("ci", "CI pass rate"),
  COVERAGE("coverage", "Line coverage"),
  SECURITY("security", "Security"),
  QUALITY("quality", "Code quality"),
  STAGING("staging", "Staging pass rate");

  private final String key;
  private final String title;

  Component(String key, String title) {
    this.key = key;
    this.title = title;
  }

  /** The name in the config ({@code readiness.weights.<key>}) and in the JSON output. */
  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  /** This component's weight in {@code weights}. */
  public double weight(Weights weights) {
    return switch (this) {
      case CI -> weights.ci();
      case COVERAGE -> weights.coverage();
      case SECURITY -> weights.security();
      case QUALITY -> weights.quality();
      case STAGING -> weights.staging();
    };
  }
}
