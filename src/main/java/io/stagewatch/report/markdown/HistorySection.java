package io.stagewatch.report.markdown;

import io.stagewatch.run.Series;
import io.stagewatch.store.CheckStats;
import io.stagewatch.store.WindowFigures;
import io.stagewatch.text.HumanDuration;

/**
 * The health note over the last runs of the run's series (its selection's runs, never another's):
 * how many passed, how long runs take, which checks were flaky and which are slowest. The figures
 * the readiness score reads, for people.
 */
final class HistorySection {
  private HistorySection() {}

  static void render(StringBuilder md, WindowFigures h, Series series) {
    md.append("\n## Last ")
        .append(h.window())
        .append(h.window() == 1 ? " run" : " runs")
        .append(" of this series: ")
        .append(MarkdownSummaryReport.text(series.describe()))
        .append("\n\n- Runs passed: ")
        .append(h.passedRuns())
        .append('/')
        .append(h.finishedRuns())
        .append(" finished runs\n");
    if (h.finishedRuns() > 0) {
      md.append("- Run duration: p50 ")
          .append(HumanDuration.format(h.p50RunMs()))
          .append(", p95 ")
          .append(HumanDuration.format(h.p95RunMs()))
          .append('\n');
    }
    if (!h.flaky().isEmpty()) {
      md.append("\n### Flaky in these runs\n\n| Check | Flaky | Passed |\n| --- | --- | --- |\n");
      for (CheckStats c : h.flaky()) {
        row(md, c.id(), Integer.toString(c.flaky()), c.passed() + "/" + c.executed());
      }
    }
    if (!h.slowest().isEmpty()) {
      md.append(
          "\n### Slowest checks in these runs\n\n| Check | p50 | p95 |\n| --- | --- | --- |\n");
      for (CheckStats c : h.slowest()) {
        row(md, c.id(), HumanDuration.format(c.p50Ms()), HumanDuration.format(c.p95Ms()));
      }
    }
  }

  private static void row(StringBuilder md, String id, String... cells) {
    md.append("| ").append(MarkdownSummaryReport.text(id));
    for (String cell : cells) {
      md.append(" | ").append(cell);
    }
    md.append(" |\n");
  }
}
