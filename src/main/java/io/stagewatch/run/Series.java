package io.stagewatch.run;

import io.stagewatch.config.ScheduleConfig;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The runs of one selection (environment, suites and tag expression) form a series: what the
 * signals of a run (its window pass rate, its metrics, the staging readiness) are computed over, so
 * that runs of another selection never dilute them. A schedule names its selection; a run by hand
 * with the same selection belongs to the schedule's series. Any other selection is a series of its
 * own, named {@value #ADHOC}.
 *
 * @param name the schedule's name, or {@value #ADHOC}
 * @param selection the selection in one canonical line, as command-line options: {@code -s a -s b
 *     -t smoke&!slow}; empty for every suite without a tag expression. The store keys a series by
 *     it (with the environment).
 */
public record Series(String name, String selection) {
  /** The name of every series that no schedule names. */
  public static final String ADHOC = "adhoc";

  /** The series of a run of every suite without tags that no schedule names. */
  public static final Series ALL_ADHOC = new Series(ADHOC, "");

  /**
   * The series of a selection: the first schedule that selects the same suites and tags names it.
   *
   * @param suites suite names; empty, or holding {@code *}, for every suite
   * @param tags a tag expression; null for none
   */
  public static Series of(
      List<ScheduleConfig> schedules, List<String> suites, @Nullable String tags) {
    String selection = ScheduleConfig.selection(suites, tags);
    for (ScheduleConfig schedule : schedules) {
      if (schedule.selection().equals(selection)) {
        return new Series(schedule.name(), selection);
      }
    }
    return new Series(ADHOC, selection);
  }

  /** A schedule's series. */
  public static Series of(ScheduleConfig schedule) {
    return new Series(schedule.name(), schedule.selection());
  }

  /**
   * The series of the schedules with the given names, in that order; of every schedule when {@code
   * names} is empty. Unknown names are left out (the config's validation reports them).
   */
  public static List<Series> named(List<ScheduleConfig> schedules, List<String> names) {
    if (names.isEmpty()) {
      return schedules.stream().map(Series::of).toList();
    }
    return names.stream()
        .flatMap(n -> schedules.stream().filter(s -> s.name().equals(n)).limit(1))
        .map(Series::of)
        .toList();
  }

  // Written out, not left to the record: a record's own equals and hashCode are linked at their
  // first call, which cost the end of every run about 3 ms (the staging history groups runs by
  // series).
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Series that
        && name.equals(that.name)
        && selection.equals(that.selection);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + selection.hashCode();
  }

  /** Whether a schedule names this series. */
  public boolean scheduled() {
    return !ADHOC.equals(name);
  }

  /** For people: {@code smoke}, or {@code adhoc (-t db)}, or {@code adhoc (all suites)}. */
  public String describe() {
    if (scheduled()) {
      return name;
    }
    return name + " (" + (selection.isEmpty() ? "all suites" : selection) + ")";
  }
}
