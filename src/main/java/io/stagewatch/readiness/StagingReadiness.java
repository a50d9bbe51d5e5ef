package io.stagewatch.readiness;

import io.stagewatch.config.Weights;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The readiness verdict of the staging signal alone, as the status page and {@code report.html}
 * show it. The staging pass rate ({@link StagingHistory}: the same runs-passed-over-finished-runs
 * figure as {@code signal.json} and the staging row of {@code stagewatch readiness}) is scored on
 * its own and judged by the same {@link Verdict} as {@code stagewatch readiness}: the threshold
 * and, with {@code readiness.stagingGate}, the latest finished run. The page knows nothing of CI,
 * coverage, security or quality, so it must not pass this off as the release's readiness score;
 * {@link #basis()} says what it rests on.
 *
 * @param window {@code readiness.window}: how many of the environment's last runs were looked at
 * @param score the staging pass rate as a score; null when no run in the window finished
 * @param verdict null when no run in the window finished
 */
public record StagingReadiness(
    StagingHistory staging,
    int window,
    double threshold,
    @Nullable ReadinessScore score,
    @Nullable Verdict verdict) {

  /** Only staging counts: the other components are not known where the page is made. */
  static final Weights STAGING_ONLY = new Weights(0, 0, 0, 0, 1);

  public static StagingReadiness of(
      StagingHistory staging, int window, double threshold, boolean stagingGate) {
    ComponentInput input = staging.input();
    if (input.isMissing()) {
      return new StagingReadiness(staging, window, threshold, null, null);
    }
    ReadinessScore score;
    try {
      score = ReadinessScore.of(List.of(input), STAGING_ONLY);
    } catch (InputException e) {
      // Cannot happen: the staging input is present and weighs 1.
      throw new IllegalStateException(e);
    }
    return new StagingReadiness(
        staging, window, threshold, score, Verdict.of(score, threshold, staging, stagingGate));
  }

  /** {@code READY}, {@code NOT READY}, or {@code UNKNOWN} before the first finished run. */
  public String headline() {
    Verdict v = verdict;
    if (v == null) {
      return "UNKNOWN";
    }
    return v.ready() ? "READY" : "NOT READY";
  }

  /** Whether the verdict is known and ready. */
  public boolean ready() {
    return verdict != null && verdict.ready();
  }

  /**
   * The figures behind the verdict: {@code staging pass rate 90 (9/10 runs of staging passed),
   * threshold 90}.
   */
  public String figures() {
    ReadinessScore s = score;
    String threshold = "threshold " + ReadinessScore.format(this.threshold);
    if (s == null) {
      return staging.input().detail() + ", " + threshold;
    }
    return "staging pass rate "
        + ReadinessScore.format(s.score())
        + "% ("
        + staging.input().detail()
        + "), "
        + threshold;
  }

  /** Why it is not ready, then what else the reader should know; empty when there is nothing. */
  public List<String> reasons() {
    return verdict == null ? List.of() : verdict.reasons();
  }

  public List<String> notes() {
    return verdict == null ? List.of() : verdict.notes();
  }

  /** What the verdict rests on, and what it leaves out. */
  public String basis() {
    return "Based on the staging smoke runs alone: the finished runs among the last "
        + window
        + " runs of "
        + staging.describe()
        + " in the store (readiness.window), the same pass rate as signal.json"
        + (staging.series().size() > 1 ? ", the lowest of the series (readiness.series)." : ".")
        + " CI, coverage, security and quality are not part of it;"
        + " stagewatch readiness weighs them all.";
  }
}
