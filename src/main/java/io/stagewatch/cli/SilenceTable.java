package io.stagewatch.cli;

import io.stagewatch.config.ScheduleConfig;
import io.stagewatch.store.Silence;
import io.stagewatch.text.TextTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code silence list} for people. */
final class SilenceTable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private SilenceTable() {}

  static String render(List<Silence> silences, Instant now) {
    if (silences.isEmpty()) {
      return "No silences active or over within the last 7 days.\n";
    }
    StringBuilder out = new StringBuilder("Silences (times in UTC)\n\n");
    TextTable table =
        new TextTable("ID", "ENVIRONMENT", "SELECTION", "FROM", "UNTIL", "REASON", "STATE");
    for (Silence s : silences) {
      table.row(
          s.id(),
          s.environment(),
          selection(s),
          time(s.startsAt()),
          time(s.endsAt()),
          s.reason(),
          s.state(now));
    }
    table.render(out);
    return out.toString();
  }

  /** The checks it selects, as the command line would: {@code -s health -t smoke}. */
  static String selection(Silence s) {
    String selection = ScheduleConfig.selection(s.suites(), s.tags());
    return selection.isEmpty() ? "all checks" : selection;
  }

  static String time(Instant t) {
    return TIME.format(t);
  }
}
