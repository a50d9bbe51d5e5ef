package io.stagewatch.report.html;

import io.stagewatch.readiness.StagingReadiness;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the HTML page shows: the environment, a problem to point out, the staging signal's readiness
 * verdict, and one section per series: its last run, a line about its recent runs, and every
 * check's state.
 *
 * @param problem shown in red at the top; null when there is none
 * @param readiness the verdict of the staging series in the store; null without a store
 * @param sections one per series; the daemon's page has one per schedule, {@code report.html} one
 * @param refreshSeconds how often the browser reloads the page; 0 for never
 * @param time the page's moment, which its relative times count from
 */
public record PageView(
    String environment,
    @Nullable String problem,
    @Nullable StagingReadiness readiness,
    List<Section> sections,
    int refreshSeconds,
    PageTime time) {

  /** How many of a series' last runs the history bars cover, on every page. */
  public static final int HISTORY_RUNS = 20;

  public PageView {
    sections = List.copyOf(sections);
  }

  /**
   * One series.
   *
   * @param series its name: a schedule's, or {@code adhoc}
   * @param lastRun its newest run; null before the first one
   * @param history a sentence about its recent runs; null when none are known
   * @param checks the checks of its selection
   */
  public record Section(
      String series, @Nullable LastRun lastRun, @Nullable String history, List<CheckState> checks) {
    public Section {
      checks = List.copyOf(checks);
    }
  }

  /**
   * The run at the top of a section.
   *
   * @param status a run status, such as {@code PASSED}
   * @param passed checks that passed, flaky ones included
   */
  public record LastRun(
      Enum<?> status, Instant startedAt, @Nullable String label, int passed, int total) {}
}
