package io.stagewatch.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ready or not: the score at or above the threshold and, when the staging gate is on, the latest
 * finished staging run passed. With the gate on and no staging run in the store, the gate is not
 * applied and a note says so.
 *
 * @param reasons why it is not ready; empty when ready
 * @param notes what the reader should know that did not decide the verdict
 */
public record Verdict(boolean ready, double threshold, List<String> reasons, List<String> notes) {

  public Verdict {
    reasons = List.copyOf(reasons);
    notes = List.copyOf(notes);
  }

  public static Verdict of(
      ReadinessScore score,
      double threshold,
      @Nullable StagingHistory staging,
      boolean stagingGate) {
    List<String> reasons = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (score.score() < threshold) {
      reasons.add(
          "score "
              + ReadinessScore.format(score.score())
              + " is below the threshold "
              + ReadinessScore.format(threshold));
    }
    if (stagingGate) {
      if (staging == null || staging.latest() == null) {
        notes.add("staging gate not applied: no finished staging run in the store");
      } else {
        for (SeriesHistory failed : staging.latestFailures()) {
          reasons.add(
              "the latest staging run of "
                  + staging.of(failed)
                  + " failed ("
                  + Objects.requireNonNull(failed.latest()).runId()
                  + ")");
        }
        for (SeriesHistory none : staging.withoutRuns()) {
          notes.add("no finished run of " + staging.of(none) + " in the store yet");
        }
      }
    }
    String note = score.note();
    if (note != null) {
      notes.add(note);
    }
    return new Verdict(reasons.isEmpty(), threshold, reasons, notes);
  }
}
