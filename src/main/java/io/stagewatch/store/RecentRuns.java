package io.stagewatch.store;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recent runs of a run's series as read from the store after the run, for the reports that show
 * history. Two spans are read in one go: the {@code readiness.window} that the figures and the pass
 * rate cover, and the longer span of the status page's history bars.
 *
 * @param window {@code readiness.window}: how many runs the figures cover
 * @param runs the series' last runs, newest first, at least {@code window} when there are that many
 * @param results every result of those runs
 */
public record RecentRuns(int window, List<StoredRun> runs, List<StoredResult> results) {

  public RecentRuns {
    runs = List.copyOf(runs);
    results = List.copyOf(results);
  }

  /** The last {@code window} runs, newest first. */
  public List<StoredRun> windowRuns() {
    return last(window);
  }

  /** The last {@code n} runs (or fewer, when there are fewer), newest first. */
  public List<StoredRun> last(int n) {
    return runs.subList(0, Math.min(n, runs.size()));
  }

  /** The health-note figures over the last {@code window} runs. */
  public WindowFigures figures() {
    List<StoredRun> inWindow = windowRuns();
    Set<String> ids = inWindow.stream().map(StoredRun::runId).collect(Collectors.toSet());
    return WindowFigures.of(
        window,
        inWindow,
        CheckStats.of(results.stream().filter(r -> ids.contains(r.runId())).toList()));
  }
}
