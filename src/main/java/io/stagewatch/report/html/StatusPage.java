package io.stagewatch.report.html;

import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.run.CheckStatus;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The page a person looks at, the daemon's {@code /} and {@code report.html}: the staging readiness
 * verdict, then per series (one per schedule on the daemon's page) its last run and per check its
 * state, uptime over the window, a bar per recent run, a latency sparkline and the last failure.
 * Self-contained (inline CSS, no scripts, no external assets, so it works offline and behind strict
 * proxies), every value escaped, and reloaded by the browser only when the view asks for it.
 */
public final class StatusPage {
  static final int SPARK_WIDTH = 80;
  static final int SPARK_HEIGHT = 18;

  private static final String STYLE =
      """
      body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
      table{border-collapse:collapse}td,th{padding:4px 10px;text-align:left;vertical-align:top}
      tr+tr td{border-top:1px solid #eee}.bars{white-space:nowrap}
      .bar{display:inline-block;width:6px;height:18px;margin-right:2px;border-radius:1px}
      .passed,.flaky{background:#2e9e44}.failed,.error{background:#d33}.skipped{background:#bbb}
      .state-passed,.state-flaky{color:#2e9e44}.state-failed,.state-error{color:#d33}
      .state-degraded{color:#b06000;font-weight:bold}.legend{color:#555}
      .problem{color:#d33;font-weight:bold}.silenced{color:#777;font-size:90%}.reason{color:#555;max-width:40em}
      .readiness{border-left:6px solid #bbb;padding:2px 12px;margin:1em 0;max-width:60em}
      .readiness.ready{border-color:#2e9e44}.readiness.not-ready{border-color:#d33}
      .ready .verdict{color:#2e9e44}.not-ready .verdict{color:#d33}.basis{color:#555}
      .readiness ul{margin:0;padding-left:1.2em}
      """;

  /**
   * An empty inline icon: without one the browser asks the server for {@code /favicon.ico} on every
   * reload, and the daemon's 404 for it shows as an error in the browser's console.
   */
  static final String NO_ICON = "<link rel=\"icon\" href=\"data:,\">";

  private StatusPage() {}

  public static String render(PageView status) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append(NO_ICON);
    if (status.refreshSeconds() > 0) {
      html.append("<meta http-equiv=\"refresh\" content=\"")
          .append(status.refreshSeconds())
          .append("\">");
    }
    html.append("<title>stagewatch: ")
        .append(escape(status.environment()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>stagewatch: ")
        .append(escape(status.environment()))
        .append("</h1>\n");
    String problem = status.problem();
    if (problem != null) {
      html.append("<p class=\"problem\">").append(escape(problem)).append("</p>\n");
    }
    readiness(html, status.readiness());
    for (PageView.Section section : status.sections()) {
      html.append("<section class=\"series\" id=\"series-")
          .append(escape(section.series()))
          .append("\">\n<h2>")
          .append(escape(section.series()))
          .append("</h2>\n");
      header(html, section);
      checks(html, section.checks());
      html.append("</section>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void header(StringBuilder html, PageView.Section status) {
    PageView.LastRun last = status.lastRun();
    if (last == null) {
      html.append("<p>No run recorded yet.</p>\n");
      return;
    }
    String label = last.label();
    html.append("<p>Last run: <b class=\"state-")
        .append(lower(last.status()))
        .append("\">")
        .append(last.status())
        .append("</b> started ")
        .append(escape(last.startedAt().toString()))
        .append(label == null ? "" : " (" + escape(label) + ")")
        .append(", ")
        .append(last.passed())
        .append(" of ")
        .append(last.total())
        .append(" checks passed.</p>\n");
    String history = status.history();
    if (history != null) {
      html.append("<p>").append(escape(history)).append("</p>\n");
    }
  }

  /** The verdict with the figures it rests on, why it is not ready, and what it leaves out. */
  private static void readiness(StringBuilder html, @Nullable StagingReadiness readiness) {
    if (readiness == null) {
      html.append("<p id=\"readiness\" class=\"readiness unknown\">Readiness: no verdict.")
          .append(" It is taken from the staging runs in the store, and no store was used.</p>\n");
      return;
    }
    String kind =
        readiness.verdict() == null ? "unknown" : readiness.ready() ? "ready" : "not-ready";
    html.append("<div id=\"readiness\" class=\"readiness ")
        .append(kind)
        .append("\"><p>Readiness of the staging signal: <b class=\"verdict\">")
        .append(escape(readiness.headline()))
        .append("</b>, ")
        .append(escape(readiness.figures()))
        .append(".</p>\n");
    if (!readiness.reasons().isEmpty() || !readiness.notes().isEmpty()) {
      html.append("<ul>");
      for (String reason : readiness.reasons()) {
        html.append("<li>not ready: ").append(escape(reason)).append("</li>");
      }
      for (String note : readiness.notes()) {
        html.append("<li>note: ").append(escape(note)).append("</li>");
      }
      html.append("</ul>\n");
    }
    html.append("<p class=\"basis\">").append(escape(readiness.basis())).append("</p></div>\n");
  }

  private static void checks(StringBuilder html, List<CheckState> checks) {
    html.append("<table><tr><th>check</th><th>state</th><th>uptime</th>")
        .append("<th>last runs</th><th>latency</th><th>last failure</th></tr>\n");
    for (CheckState c : checks) {
      html.append("<tr><td>").append(escape(c.id())).append("</td>");
      state(html, c);
      html.append("<td>")
          // Rounds half up like "%.0f" for these non-negative values, without a format per check.
          .append(Math.round(c.uptime() * 100))
          .append('%')
          .append("</td><td class=\"bars\">");
      for (CheckStatus s : c.history()) {
        html.append("<span class=\"bar ")
            .append(lower(s))
            .append("\" title=\"")
            .append(s)
            .append("\"></span>");
      }
      html.append("</td><td>")
          .append(sparkline(c.durationsMs()))
          .append("</td><td class=\"reason\">");
      if (c.lastFailure() != null && c.lastFailureAt() != null) {
        html.append(escape(c.lastFailureAt().toString()))
            .append(": ")
            .append(escape(c.lastFailure()));
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
   * The state cell: amber and labelled "(degraded)" for a slow pass, not told by colour alone; a
   * silenced check's mark beside it.
   */
  private static void state(StringBuilder html, CheckState c) {
    String degraded = c.degraded();
    if (degraded == null) {
      html.append("<td class=\"state-").append(lower(c.status())).append("\">");
      html.append(c.status());
    } else {
      html.append("<td class=\"state-degraded\" title=\"")
          .append(escape(degraded))
          .append("\">")
          .append(c.status())
          .append(" (degraded)");
    }
    silenced(html, c.silenceReason());
    html.append("</td>");
  }

  /** A mark beside a silenced check's state, its reason on hover and for screen readers. */
  private static void silenced(StringBuilder html, @Nullable String reason) {
    if (reason != null) {
      html.append(" <span class=\"silenced\" title=\"")
          .append(escape(reason))
          .append("\">silenced: ")
          .append(escape(reason))
          .append("</span>");
    }
  }

  /** The check's durations over the window as an inline SVG line, scaled to the slowest run. */
  static String sparkline(List<Long> durationsMs) {
    if (durationsMs.size() < 2) {
      return "";
    }
    long max = Math.max(1, durationsMs.stream().mapToLong(Long::longValue).max().orElse(1));
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < durationsMs.size(); i++) {
      double x = i * (SPARK_WIDTH / (double) (durationsMs.size() - 1));
      double y = SPARK_HEIGHT - 1 - durationsMs.get(i) * (SPARK_HEIGHT - 2) / (double) max;
      points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, y));
    }
    return String.format(
        Locale.ROOT,
        "<svg class=\"spark\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"latency,"
            + " up to %d ms\"><polyline fill=\"none\" stroke=\"#36c\" stroke-width=\"1.5\""
            + " points=\"%s\"/></svg>",
        SPARK_WIDTH,
        SPARK_HEIGHT,
        max,
        points);
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        // A body from a server that ends its lines with CRLF: the line break is the LF.
        case '\r' -> {}
        default ->
            out.append(Character.isISOControl(ch) && ch != '\n' && ch != '\t' ? '\uFFFD' : ch);
      }
    }
    return out.toString();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
