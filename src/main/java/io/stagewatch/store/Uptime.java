package io.stagewatch.store;

import java.util.OptionalDouble;

/**
 * How a series fared over a span of time: of the runs that finished in it, how many passed.
 *
 * @param finished runs that got to their end (passed or failed) in the span
 * @param passed those of them that passed
 */
public record Uptime(int finished, int passed) {

  /** The share of finished runs that passed, 0 to 1; empty when no run finished. */
  public OptionalDouble ratio() {
    return finished == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passed / finished);
  }
}
