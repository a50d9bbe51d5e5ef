package io.stagewatch.config;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One {@code schedules:} entry: which suites, and a cron expression or an interval. */
public record ScheduleConfig(
    List<String> suites,
    @Nullable String tags,
    @Nullable String cron,
    @Nullable String timeZone,
    @Nullable Duration every,
    @Nullable Duration jitter) {

  static ScheduleConfig read(MapReader r) {
    List<String> suites = r.stringList("suites");
    String tags = r.string("tags");
    String cron = r.string("cron");
    String zone = r.string("timeZone");
    Duration every = r.duration("every");
    Duration jitter = r.duration("jitter");
    r.finish();
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
    return new ScheduleConfig(List.copyOf(suites), tags, cron, zone, every, jitter);
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
