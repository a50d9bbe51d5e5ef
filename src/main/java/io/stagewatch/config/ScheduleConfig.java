package io.stagewatch.config;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One {@code schedules:} entry: its name, which suites and tags (the selection its series is of),
 * and a cron expression or an interval.
 *
 * @param name names the schedule's series in the store, metrics, pages and {@code run --schedule};
 *     {@code default} for a lone schedule that is given none
 */
public record ScheduleConfig(
    String name,
    List<String> suites,
    @Nullable String tags,
    @Nullable String cron,
    @Nullable String timeZone,
    @Nullable Duration every,
    @Nullable Duration jitter) {

  public static final String DEFAULT_NAME = "default";

  /** What a name may hold: it appears in metric labels, URLs and run labels. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

  /** What a problem says of a name that does not match {@link #NAME}. */
  static String badName(String name) {
    return "expected letters, digits, '_', '.' or '-' (up to 63, starting with a letter or digit),"
        + " got '"
        + name
        + "'";
  }

  /** Names that mean something else. */
  static final List<String> RESERVED = List.of("adhoc");

  static ScheduleConfig read(MapReader r, int count) {
    String name = r.string("name");
    List<String> suites = r.stringList("suites");
    String tags = r.string("tags");
    String cron = r.string("cron");
    String zone = r.string("timeZone");
    Duration every = r.duration("every");
    Duration jitter = r.duration("jitter");
    r.finish();
    if (name == null && count > 1) {
      r.problem("name", "expected a name: with more than one schedule each needs one");
    } else if (name != null && !NAME.matcher(name).matches()) {
      r.problem("name", badName(name));
    } else if (name != null && RESERVED.contains(name)) {
      r.problem("name", "'" + name + "' names the runs that match no schedule; choose another");
    }
    if ((cron == null) == (every == null)) {
      r.problem("a schedule needs exactly one of cron or every");
    }
    if (cron != null) {
      checkCron(r, cron);
    }
    if (zone != null) {
      checkZone(r, zone);
    }
    if (every != null && every.isZero()) {
      r.problem("every", "expected a positive duration");
    }
    return new ScheduleConfig(
        name == null ? DEFAULT_NAME : name, List.copyOf(suites), tags, cron, zone, every, jitter);
  }

  /** This schedule's selection in its canonical line (see {@link #selection(List, String)}). */
  public String selection() {
    return selection(suites, tags);
  }

  /**
   * A selection in one canonical line, as command-line options ({@code -s a -s b -t smoke&!slow};
   * empty for every suite without a tag expression): suites in name order without repeats, and the
   * tag expression without its blanks (tags cannot hold any), so that {@code -t 'smoke & !slow'} by
   * hand is the same selection as a schedule's {@code tags: smoke&!slow}.
   *
   * @param suites suite names; empty, or holding {@code *}, for every suite
   */
  public static String selection(List<String> suites, @Nullable String tags) {
    StringBuilder line = new StringBuilder();
    if (!suites.contains("*")) {
      for (String suite : new TreeSet<>(suites)) {
        line.append(line.isEmpty() ? "" : " ").append("-s ").append(suite);
      }
    }
    String expression = tags == null ? "" : tags.replaceAll("\\s+", "");
    if (!expression.isEmpty()) {
      line.append(line.isEmpty() ? "" : " ").append("-t ").append(expression);
    }
    return line.toString();
  }

  /**
   * Reads {@code schedules:}; names must be unique, and so must selections: two schedules of one
   * selection would be one series under two names.
   */
  static List<ScheduleConfig> readAll(MapReader config) {
    List<MapReader> readers = config.children("schedules");
    List<ScheduleConfig> schedules = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, String> selections = new HashMap<>();
    for (MapReader r : readers) {
      ScheduleConfig schedule = read(r, readers.size());
      String sameName = names.putIfAbsent(schedule.name(), r.path());
      if (sameName != null) {
        r.problem("name", "'" + schedule.name() + "' also names " + sameName);
      }
      String sameSelection = selections.putIfAbsent(schedule.selection(), r.path());
      if (sameSelection != null) {
        r.problem(
            "selects the same suites and tags as "
                + sameSelection
                + ": one selection is one series; merge them, or change one's suites or tags");
      }
      schedules.add(schedule);
    }
    return List.copyOf(schedules);
  }

  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private static void checkCron(MapReader r, String cron) {
    try {
      CRON.parse(cron).validate();
    } catch (IllegalArgumentException e) {
      r.problem(
          "cron",
          "expected a 5-field cron expression (minute hour day month weekday), got '"
              + cron
              + "': "
              + e.getMessage());
    }
  }

  private static void checkZone(MapReader r, String zone) {
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      r.problem(
          "timeZone", "expected a time zone such as Europe/Berlin or UTC, got '" + zone + "'");
    }
  }
}
