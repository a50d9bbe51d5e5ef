package io.stagewatch.report.history;

import io.stagewatch.run.Counts;
import io.stagewatch.store.CheckStats;
import io.stagewatch.store.StoredRun;
import io.stagewatch.text.HumanDuration;
import io.stagewatch.text.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code stagewatch history} for people: the last runs, then each check over those runs. */
public final class HistoryTable {
  /** Longest failure reason shown; the full text is in {@code --json}. */
  static final int REASON_LIMIT = 60;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private HistoryTable() {}

  public static String render(String environment, List<StoredRun> runs, List<SeriesChecks> series) {
    StringBuilder out = new StringBuilder();
    if (runs.isEmpty()) {
      return "No runs of " + environment + " recorded yet.\n";
    }
    out.append("Last ")
        .append(runs.size())
        .append(runs.size() == 1 ? " run of " : " runs of ")
        .append(environment)
        .append(" (times in UTC)\n\n");
    TextTable table =
        new TextTable(
            "STARTED",
            "SERIES",
            "TRIGGER",
            "LABEL",
            "STATUS",
            "PASSED",
            "FAILED",
            "FLAKY",
            "DURATION");
    for (StoredRun run : runs) {
      Counts c = run.counts();
      Duration took = run.duration();
      table.row(
          time(run.startedAt()),
          SeriesChecks.name(run),
          run.trigger(),
          orDash(run.label()),
          run.status().name(),
          Integer.toString(c.passed()),
          Integer.toString(c.failed() + c.error()),
          Integer.toString(c.flaky()),
          took == null ? "-" : HumanDuration.format(took));
    }
    table.render(out);
    out.append("\nChecks over these runs, per series\n\n");
    TextTable stats =
        new TextTable(
            "SERIES", "CHECK", "PASSED", "PASS RATE", "FLAKY", "P50", "P95", "LAST FAILURE");
    for (SeriesChecks s : series) {
      for (CheckStats c : s.checks()) {
        row(stats, s.series(), c);
      }
    }
    stats.render(out);
    return out.toString();
  }

  private static void row(TextTable stats, String series, CheckStats c) {
    stats.row(
        series,
        c.id(),
        c.passed() + "/" + c.executed(),
        percent(c.passRate()),
        Integer.toString(c.flaky()),
        HumanDuration.format(c.p50Ms()),
        HumanDuration.format(c.p95Ms()),
        lastFailure(c));
  }

  private static String lastFailure(CheckStats c) {
    Instant at = c.lastFailureAt();
    if (at == null) {
      return "-";
    }
    String reason = c.lastFailure();
    String oneLine = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
    if (oneLine.length() > REASON_LIMIT) {
      oneLine = oneLine.substring(0, REASON_LIMIT - 3) + "...";
    }
    return time(at) + "  " + oneLine;
  }

  /** Rounded down to a whole percent, so that 99.6% does not pass for 100%. */
  static String percent(double rate) {
    return (int) Math.floor(rate * 100 + 1e-9) + "%";
  }

  private static String time(Instant instant) {
    return TIME.format(instant);
  }

  private static String orDash(@Nullable String value) {
    return value == null || value.isBlank() ? "-" : value;
  }
}
