package io.stagewatch.report.html;

import static io.stagewatch.report.html.StatusPage.escape;

import io.stagewatch.run.CheckStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A series' checks as a table: per check its state, uptime over the window, a bar per recent run,
 * its latest duration and attempts with a sparkline of its durations, and its last failure, the
 * reason in full a click away.
 */
final class CheckTable {
  static final int SPARK_WIDTH = 80;
  static final int SPARK_HEIGHT = 18;

  /** How much of a failure reason's first line the closed row shows. */
  static final int SUMMARY_CHARS = 100;

  private CheckTable() {}

  static void render(StringBuilder html, List<CheckState> checks, PageTime time) {
    html.append("<table><tr><th>check</th><th>state</th><th>uptime</th>")
        .append("<th>last runs</th><th>duration</th><th>last failure</th></tr>\n");
    // The bars of all checks come from the same few runs: each run's time is written once.
    Map<Instant, String> ago = new HashMap<>();
    for (CheckState c : checks) {
      html.append("<tr data-state=\"")
          .append(c.state().word())
          .append("\"><td>")
          .append(escape(c.id()))
          .append("</td>");
      state(html, c);
      html.append("<td>")
          // Rounds half up like "%.0f" for these non-negative values, without a format per check.
          .append(Math.round(c.uptime() * 100))
          .append('%')
          .append("</td><td class=\"bars\">");
      List<CheckStatus> history = c.history();
      for (int i = 0; i < history.size(); i++) {
        CheckStatus s = history.get(i);
        html.append("<span class=\"bar ").append(lower(s)).append("\" title=\"").append(s);
        // When, relative like the page's other times: "PASSED, 3 min ago".
        if (i < c.ranAt().size()) {
          html.append(", ").append(ago.computeIfAbsent(c.ranAt().get(i), time::relative));
        }
        html.append("\"></span>");
      }
      html.append("</td><td class=\"duration\">");
      duration(html, c);
      html.append("</td><td class=\"reason\">");
      String failure = c.lastFailure();
      Instant failedAt = c.lastFailureAt();
      if (failure != null && failedAt != null) {
        reason(html, time.element(failedAt), failure);
      }
      html.append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (checks.stream().anyMatch(c -> c.degraded() != null)) {
      html.append("<p class=\"legend\"><span class=\"state-degraded\">(degraded)</span>: passed,")
          .append(" but slower than its degradedResponseTime; hover for how slow.</p>\n");
    }
  }

  /**
   * The state cell, coloured by the check's {@link PageState} and always labelled: "(degraded)"
   * after a slow pass, a silenced check's mark and reason after its status.
   */
  private static void state(StringBuilder html, CheckState c) {
    String degraded = c.degraded();
    html.append("<td class=\"state-").append(c.state().word()).append('"');
    if (degraded != null) {
      html.append(" title=\"").append(escape(degraded)).append('"');
    }
    html.append('>').append(c.status());
    if (degraded != null) {
      html.append(" (degraded)");
    }
    String silence = c.silenceReason();
    if (silence != null) {
      html.append(" <span class=\"silenced\" title=\"")
          .append(escape(silence))
          .append("\">silenced: ")
          .append(escape(silence))
          .append("</span>");
    }
    html.append("</td>");
  }

  /** The latest duration and attempts, then the sparkline of the window's durations. */
  private static void duration(StringBuilder html, CheckState c) {
    Long latest = c.latestDurationMs();
    if (latest == null || c.status() == CheckStatus.SKIPPED) {
      html.append("not run");
    } else {
      html.append(PageTime.duration(latest));
      if (c.attempts() > 1) {
        html.append(", ").append(c.attempts()).append(" attempts");
      }
    }
    String spark = sparkline(ranDurations(c));
    if (!spark.isEmpty()) {
      html.append(' ').append(spark);
    }
  }

  /** The durations of the runs that carried the check out: a skipped check took no time. */
  private static List<Long> ranDurations(CheckState c) {
    List<Long> ran = new ArrayList<>();
    for (int i = 0; i < c.durationsMs().size() && i < c.history().size(); i++) {
      if (c.history().get(i) != CheckStatus.SKIPPED) {
        ran.add(c.durationsMs().get(i));
      }
    }
    return ran;
  }

  /**
   * When the check last failed and why: a reason that fits on one short line as it is, a longer one
   * as its first line that opens to the full text on click.
   */
  private static void reason(StringBuilder html, String when, String reason) {
    String text = reason.replace("\r", "").strip();
    int newline = text.indexOf('\n');
    String firstLine = newline < 0 ? text : text.substring(0, newline);
    boolean cut = firstLine.codePointCount(0, firstLine.length()) > SUMMARY_CHARS;
    if (cut) {
      firstLine = firstLine.substring(0, firstLine.offsetByCodePoints(0, SUMMARY_CHARS));
    }
    if (newline < 0 && !cut) {
      html.append(when).append(": ").append(escape(text));
      return;
    }
    html.append("<details><summary>")
        .append(when)
        .append(": ")
        .append(escape(firstLine))
        .append("…</summary><pre class=\"full\">")
        .append(escape(text))
        .append("</pre></details>");
  }

  /**
   * The check's durations over the window as an inline SVG line, scaled to the slowest run. The
   * points are worked out in tenths with whole numbers: a page of 2000 checks has 40000 of them,
   * and a format call each cost a short run a noticeable part of its report time.
   */
  static String sparkline(List<Long> durationsMs) {
    int n = durationsMs.size();
    if (n < 2) {
      return "";
    }
    long max = 1;
    for (long d : durationsMs) {
      max = Math.max(max, d);
    }
    StringBuilder svg =
        new StringBuilder(120 + 10 * n)
            .append("<svg class=\"spark\" width=\"")
            .append(SPARK_WIDTH)
            .append("\" height=\"")
            .append(SPARK_HEIGHT)
            .append("\" role=\"img\" aria-label=\"latency, up to ")
            .append(max)
            .append(" ms\"><polyline fill=\"none\" stroke=\"#36c\" stroke-width=\"1.5\" points=\"");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        svg.append(' ');
      }
      // x = i * width / (n - 1); y = height - 1 - duration * (height - 2) / max, both >= 0.
      tenths(svg, 10L * i * SPARK_WIDTH, n - 1);
      svg.append(',');
      long d = Math.min(Math.max(durationsMs.get(i), 0), max);
      tenths(svg, 10 * ((SPARK_HEIGHT - 1) * max - d * (SPARK_HEIGHT - 2)), max);
    }
    return svg.append("\"/></svg>").toString();
  }

  /** Appends {@code tenths / divisor / 10}, rounded half up to one decimal: "12.5". */
  private static void tenths(StringBuilder out, long tenths, long divisor) {
    long rounded = (2 * tenths + divisor) / (2 * divisor);
    out.append(rounded / 10).append('.').append(rounded % 10);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
