package io.stagewatch.config;

import java.time.Duration;
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
    return new ScheduleConfig(List.copyOf(suites), tags, cron, zone, every, jitter);
  }
}
