package io.stagewatch.readiness;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation: the score, the verdict and the trend against the previous evaluation.
 *
 * @param previous the previous evaluation's score, null when there was none
 */
public record ReadinessResult(
    ReadinessScore score, Verdict verdict, Instant at, @Nullable Previous previous) {

  /** The previous evaluation, as cached. */
  public record Previous(double score, Instant at) {}

  /** The change since the previous score, rounded to one decimal; null without one. */
  public @Nullable Double trend() {
    return previous == null ? null : ReadinessScore.round(score.score() - previous.score());
  }

  /** {@code +2.5}, {@code -1}, {@code 0}, or {@code new} without a previous score. */
  public String trendText() {
    Double trend = trend();
    if (trend == null) {
      return "new";
    }
    return (trend > 0 ? "+" : "") + ReadinessScore.format(trend);
  }
}
