package io.stagewatch.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One {@code maintenance:} entry: a window that recurs on some days of the week, at a local time in
 * a time zone, during which the checks it selects are silenced (they run and are recorded, but no
 * notice is sent about them).
 *
 * @param environment the environment it applies to; null for every one
 * @param tags a tag expression as {@code run -t} takes; null for every check
 * @param days the days it starts on
 * @param start when it starts on those days, in {@code timeZone}
 * @param duration how long it lasts; it may run past midnight
 */
public record MaintenanceWindow(
    @Nullable String environment,
    @Nullable String tags,
    Set<DayOfWeek> days,
    LocalTime start,
    Duration duration,
    ZoneId timeZone) {

  /** The longest window: a longer one would overlap the next week's. */
  static final Duration LONGEST = Duration.ofDays(7);

  /** The zone of a window that names none. */
  static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

  static final String EXPECTED_DAY = "a day such as mon, tue, wed, thu, fri, sat or sun";

  private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("HH:mm");

  public MaintenanceWindow {
    days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
  }

  /** Whether the window is open at {@code now}, counting windows that began on earlier days. */
  public boolean covers(Instant now) {
    LocalDate today = now.atZone(timeZone).toLocalDate();
    for (long back = 0; back <= duration.toDays() + 1; back++) {
      LocalDate day = today.minusDays(back);
      if (days.contains(day.getDayOfWeek())) {
        Instant from = ZonedDateTime.of(day, start, timeZone).toInstant();
        if (!now.isBefore(from) && now.isBefore(from.plus(duration))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether it applies to the environment. */
  public boolean appliesTo(String environmentName) {
    return environment == null || environment.equals(environmentName);
  }

  /** How reports name it: {@code maintenance window mon, tue 22:00 for 2h (Europe/Berlin)}. */
  public String describe() {
    String on =
        days.size() == 7
            ? "daily"
            : days.stream().map(MaintenanceWindow::dayName).collect(Collectors.joining(", "));
    return "maintenance window "
        + on
        + " "
        + START.format(start)
        + " for "
        + Durations.format(duration)
        + " ("
        + timeZone.getId()
        + ")";
  }

  static List<MaintenanceWindow> readAll(MapReader config, List<String> environments) {
    List<MaintenanceWindow> windows = new ArrayList<>();
    for (MapReader r : config.children("maintenance")) {
      MaintenanceWindow window = read(r, environments);
      if (window != null) {
        windows.add(window);
      }
    }
    return List.copyOf(windows);
  }

  private static @Nullable MaintenanceWindow read(MapReader r, List<String> environments) {
    String environment = r.string("environment");
    String tags = r.string("tags");
    List<String> dayNames = r.stringList("days", MaintenanceWindow::dayProblem);
    boolean noDays = r.node("days") instanceof YamlNode.YamlList list && list.items().isEmpty();
    String start = r.string("start");
    Duration duration = r.duration("duration");
    String zone = r.string("timeZone");
    r.finish();
    checkSelection(r, environment, tags, environments);
    if (noDays) {
      r.problem("days", "expected at least one day, or no days key for every day");
    }
    LocalTime startTime = start == null ? missing(r, "start") : startTime(r, start);
    if (duration == null) {
      missing(r, "duration");
    } else if (duration.isZero() || duration.compareTo(LONGEST) > 0) {
      r.problem(
          "duration",
          "expected a positive duration of at most 7d, got '"
              + r.shown("duration", durationText(r))
              + "'");
      duration = null;
    }
    ZoneId timeZone = zone == null ? DEFAULT_ZONE : zone(r, zone);
    if (startTime == null || duration == null || timeZone == null) {
      return null;
    }
    return new MaintenanceWindow(environment, tags, days(dayNames), startTime, duration, timeZone);
  }

  /** The days named, every day when none is. */
  private static Set<DayOfWeek> days(List<String> names) {
    Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
    if (!names.isEmpty()) {
      days = EnumSet.noneOf(DayOfWeek.class);
      for (String day : names) {
        days.add(dayOf(day));
      }
    }
    return days;
  }

  private static String durationText(MapReader r) {
    String text = r.string("duration");
    return text == null ? "" : text.strip();
  }

  /** Records that a required key is absent or empty, unless its value was wrong (recorded). */
  private static <T> @Nullable T missing(MapReader r, String key) {
    YamlNode node = r.node(key);
    if (node == null || node instanceof YamlNode.YamlScalar s && s.isNull()) {
      r.problem(key, "required key is missing");
    }
    return null;
  }

  private static @Nullable String dayProblem(String day) {
    try {
      dayOf(day);
      return null;
    } catch (IllegalArgumentException e) {
      return "expected " + EXPECTED_DAY + ", got '" + day + "'";
    }
  }

  private static DayOfWeek dayOf(String day) {
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      if (day.equals(full) || day.equals(full.substring(0, 3))) {
        return d;
      }
    }
    throw new IllegalArgumentException(day);
  }

  private static String dayName(DayOfWeek day) {
    return day.name().toLowerCase(Locale.ROOT).substring(0, 3);
  }

  private static @Nullable LocalTime startTime(MapReader r, String start) {
    try {
      return LocalTime.parse(start, START);
    } catch (DateTimeParseException e) {
      r.problem("start", "expected a time of day such as 22:00 (HH:mm), got '" + start + "'");
      return null;
    }
  }

  private static @Nullable ZoneId zone(MapReader r, String zone) {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      r.problem(
          "timeZone", "expected a time zone such as Europe/Berlin or UTC, got '" + zone + "'");
      return null;
    }
  }

  private static void checkSelection(
      MapReader r, @Nullable String environment, @Nullable String tags, List<String> environments) {
    if (environment != null && !environments.contains(environment)) {
      r.problem(
          "environment",
          "no environment named '"
              + environment
              + "' (defined: "
              + String.join(", ", environments)
              + ")");
    }
    if (tags != null) {
      checkTags(r, tags);
    }
  }

  private static void checkTags(MapReader r, String tags) {
    String problem = TagExpressions.problem(tags);
    if (problem != null) {
      r.problem("tags", problem);
    }
  }
}
