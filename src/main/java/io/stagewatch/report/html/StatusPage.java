package io.stagewatch.report.html;

import io.stagewatch.readiness.StagingReadiness;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The page a person looks at, the daemon's {@code /} and {@code report.html}: a header with the
 * overall verdict and how many checks are in each state ({@link Overview}), the staging readiness
 * verdict, then per series (one per schedule on the daemon's page) its last run and its checks
 * ({@link CheckTable}). Times read relative to the page's moment, the exact instant on hover.
 * Self-contained (inline CSS, no scripts, no external assets, so it works offline and behind strict
 * proxies), every value escaped, and reloaded by the browser only when the view asks for it.
 */
public final class StatusPage {
  /**
   * Colours by state: green passed, amber flaky and degraded, red failed and error, grey skipped
   * and silenced; each at least 4.5:1 against white, as text and as a chip's background.
   */
  private static final String STYLE =
      """
      body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;background:#fff}
      table{border-collapse:collapse}td,th{padding:4px 10px;text-align:left;vertical-align:top}
      tr+tr td{border-top:1px solid #eee}.bars{white-space:nowrap}
      .bar{display:inline-block;width:6px;height:18px;margin-right:2px;border-radius:1px}
      .passed{background:#1a7f37}.flaky{background:#9a6700}.failed,.error{background:#cf222e}
      .skipped{background:#8c959f}
      .state-passed{color:#1a7f37}.state-flaky,.state-degraded{color:#9a6700;font-weight:bold}
      .state-failed,.state-error{color:#cf222e;font-weight:bold}
      .state-skipped,.state-silenced{color:#59636e}.legend{color:#555}
      .problem{color:#cf222e;font-weight:bold}.silenced{color:#59636e;font-size:90%}
      .reason{color:#444;max-width:40em}.duration{white-space:nowrap}.spark{vertical-align:middle}
      .reason summary{cursor:pointer}.reason pre{white-space:pre-wrap;margin:4px 0;font-size:90%}
      time[title]{text-decoration:underline dotted}
      .overview{border-left:6px solid #8c959f;padding:2px 12px;margin:1em 0}
      .overview.passing{border-color:#1a7f37}.overview.warning{border-color:#9a6700}
      .overview.failing{border-color:#cf222e}.passing .overall{color:#1a7f37}
      .warning .overall{color:#9a6700}.failing .overall{color:#cf222e}.as-of{color:#555}
      .chips{list-style:none;padding:0;margin:0 0 6px}
      .chip{display:inline-block;margin:0 6px 4px 0;padding:1px 10px;border-radius:10px;color:#fff}
      .chip-passed{background:#1a7f37}.chip-flaky,.chip-degraded{background:#9a6700}
      .chip-failed,.chip-error{background:#cf222e}.chip-skipped,.chip-silenced{background:#59636e}
      .chip.zero{background:#fff;color:#59636e;box-shadow:inset 0 0 0 1px #d0d7de}
      .readiness{border-left:6px solid #bbb;padding:2px 12px;margin:1em 0;max-width:60em}
      .readiness.ready{border-color:#1a7f37}.readiness.not-ready{border-color:#cf222e}
      .ready .verdict{color:#1a7f37}.not-ready .verdict{color:#cf222e}.basis{color:#555}
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
    Overview.render(html, status);
    readiness(html, status.readiness());
    for (PageView.Section section : status.sections()) {
      html.append("<section class=\"series\" id=\"series-")
          .append(escape(section.series()))
          .append("\">\n<h2>")
          .append(escape(section.series()))
          .append("</h2>\n");
      header(html, section, status.time());
      CheckTable.render(html, section.checks(), status.time());
      html.append("</section>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void header(StringBuilder html, PageView.Section status, PageTime time) {
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
        .append(time.element(last.startedAt()))
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
