package io.stagewatch.readiness;

import org.jspecify.annotations.Nullable;

/**
 * One component as read from its input.
 *
 * @param input where the value came from (a file, a directory, "store"), or "missing"
 * @param value from 0 to 100; null when the input is missing
 * @param detail the figures behind the value, such as {@code 812/830 tests passed}
 */
public record ComponentInput(
    Component component, String input, @Nullable Double value, String detail) {

  public static ComponentInput missing(Component component, String why) {
    return new ComponentInput(component, "missing", null, why);
  }

  public boolean isMissing() {
    return value == null;
  }
}
