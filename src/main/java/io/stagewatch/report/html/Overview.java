package io.stagewatch.report.html;

import java.util.List;

/**
 * The page's header: the overall verdict over every check on the page, and a chip per state with
 * how many checks are in it, so a glance says how staging is before any table is read.
 *
 * <p>The verdict is red when a check failed or could not run, amber when all passed but some only
 * after a retry or slower than their bound, or when a failure is silenced, green when all passed. A
 * silenced check counts as silenced, not as failed: a silence is someone saying they know, but what
 * they know of is not a pass.
 */
final class Overview {
  private Overview() {}

  /** The overall verdict, its CSS class and its words. */
  enum Verdict {
    FAILING("failing", "Failing"),
    WARNING("warning", "Passing with warnings"),
    PASSING("passing", "All checks passing"),
    NONE("none", "No verdict");

    final String css;
    final String words;

    Verdict(String css, String words) {
      this.css = css;
      this.words = words;
    }
  }

  /** How many of {@code checks} are in each state, indexed by {@link PageState#ordinal()}. */
  static int[] counts(List<CheckState> checks) {
    int[] counts = new int[PageState.values().length];
    checks.forEach(c -> counts[c.state().ordinal()]++);
    return counts;
  }

  /**
   * @param silencedFailing how many of the silenced checks failed
   */
  static Verdict verdict(int[] counts, long silencedFailing) {
    if (counts[PageState.FAILED.ordinal()] + counts[PageState.ERROR.ordinal()] > 0) {
      return Verdict.FAILING;
    }
    if (counts[PageState.FLAKY.ordinal()] + counts[PageState.DEGRADED.ordinal()] > 0
        || silencedFailing > 0) {
      return Verdict.WARNING;
    }
    return counts[PageState.PASSED.ordinal()] > 0 ? Verdict.PASSING : Verdict.NONE;
  }

  static void render(StringBuilder html, PageView view) {
    List<CheckState> checks = view.sections().stream().flatMap(s -> s.checks().stream()).toList();
    int[] counts = counts(checks);
    long silencedFailing =
        checks.stream()
            .filter(c -> c.state() == PageState.SILENCED && c.status().isFailure())
            .count();
    Verdict verdict = verdict(counts, silencedFailing);
    html.append("<div id=\"overview\" class=\"overview ")
        .append(verdict.css)
        .append("\"><p><b class=\"overall\">")
        .append(verdict.words)
        .append("</b>: ")
        .append(checks.size())
        .append(checks.size() == 1 ? " check" : " checks");
    if (silencedFailing > 0) {
      html.append(", ").append(silencedFailing).append(" of them failing but silenced");
    }
    html.append(". <span class=\"as-of\">")
        .append(view.time().stamp())
        .append("</span></p>\n<ul class=\"chips\">");
    for (PageState state : PageState.values()) {
      int count = counts[state.ordinal()];
      html.append("<li class=\"chip chip-")
          .append(state.word())
          .append(count == 0 ? " zero" : "")
          .append("\" data-state=\"")
          .append(state.word())
          .append("\">")
          .append(count)
          .append(' ')
          .append(state.word())
          .append("</li>");
    }
    html.append("</ul></div>\n");
  }
}
