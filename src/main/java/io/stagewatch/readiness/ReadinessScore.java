package io.stagewatch.readiness;

import io.stagewatch.config.Weights;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The weighted score. Missing inputs are never counted as 100 nor as 0: a missing component's
 * weight is shared among the present components in proportion to their own weights, so the score is
 * the weighted mean of what was measured, and {@link #note()} says which components were left out.
 * Components with weight 0 are shown but do not count. The score is rounded to one decimal (half
 * up) before its band and the gate are taken.
 *
 * @param rows one per component, in {@link Component} order
 */
public record ReadinessScore(List<Row> rows, double score, Band band) {

  /**
   * @param weight the configured weight
   * @param share the part of the score this component makes up, in percent, after redistribution; 0
   *     when missing
   * @param contribution value × share / 100; 0 when missing
   */
  public record Row(ComponentInput input, double weight, double share, double contribution) {
    public @Nullable Band band() {
      Double value = input.value();
      return value == null ? null : Band.of(round(value));
    }
  }

  public ReadinessScore {
    rows = List.copyOf(rows);
  }

  /**
   * @throws InputException when no component with a weight above 0 has an input
   */
  public static ReadinessScore of(List<ComponentInput> inputs, Weights weights)
      throws InputException {
    double present = 0;
    for (ComponentInput input : inputs) {
      if (!input.isMissing()) {
        present += input.component().weight(weights);
      }
    }
    if (present <= 0) {
      throw new InputException(
          "no readiness input with a weight above 0: give --junit, --coverage, --security or"
              + " --quality (or staging runs in the store with readiness.weights.staging)");
    }
    List<Row> rows = new ArrayList<>();
    double score = 0;
    for (ComponentInput input : inputs) {
      double weight = input.component().weight(weights);
      Double value = input.value();
      double share = value == null ? 0 : 100 * weight / present;
      double contribution = value == null ? 0 : value * share / 100;
      score += contribution;
      rows.add(new Row(input, weight, share, contribution));
    }
    double rounded = round(score);
    return new ReadinessScore(rows, rounded, Band.of(rounded));
  }

  public List<Component> missing() {
    return rows.stream()
        .filter(r -> r.input().isMissing())
        .map(r -> r.input().component())
        .toList();
  }

  /** How missing inputs were handled, or null when every weighted input was there. */
  public @Nullable String note() {
    List<Row> missingWeighted =
        rows.stream().filter(r -> r.input().isMissing() && r.weight() > 0).toList();
    if (missingWeighted.isEmpty()) {
      return null;
    }
    double weight = missingWeighted.stream().mapToDouble(Row::weight).sum();
    return "missing: "
        + String.join(", ", missingWeighted.stream().map(r -> r.input().component().key()).toList())
        + " (weight "
        + format(weight)
        + ") - their weight was shared among the present components in proportion to their"
        + " weights; missing inputs are not counted as 100 or 0";
  }

  static double round(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  /** A number with at most one decimal and no trailing zero: 80, 87.5. */
  public static String format(double value) {
    return BigDecimal.valueOf(round(value)).stripTrailingZeros().toPlainString();
  }
}
