package io.stagewatch.schedule;

import io.stagewatch.config.ScheduleConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One {@code schedules:} entry, ready to fire.
 *
 * @param name the schedule's name ({@code schedules[].name}), which names its series; stable
 *     between replicas and restarts that read the same config
 * @param suites the suite names to run; empty runs all ({@code *})
 * @param jitter the most a slot's run is delayed, the same delay in every replica
 */
public record Schedule(
    String name, List<String> suites, @Nullable String tags, Timing timing, Duration jitter) {

  public Schedule {
    suites = List.copyOf(suites);
  }

  /**
   * @throws IllegalArgumentException when the cron expression or time zone is invalid
   */
  public static Schedule of(ScheduleConfig config) {
    List<String> suites = config.suites().contains("*") ? List.of() : config.suites();
    return new Schedule(
        config.name(),
        suites,
        config.tags(),
        timing(config),
        config.jitter() == null ? Duration.ZERO : config.jitter());
  }

  static Timing timing(ScheduleConfig config) {
    String cron = config.cron();
    if (cron != null) {
      String zone = config.timeZone();
      return CronTiming.parse(cron, zone == null ? ZoneOffset.UTC : ZoneId.of(zone));
    }
    Duration every = config.every();
    if (every == null) {
      throw new IllegalArgumentException("a schedule needs exactly one of cron or every");
    }
    return new EveryTiming(every);
  }

  /** How long after its slot time the slot fires; derived from the slot, so replicas agree. */
  public Duration jitterFor(Instant slot) {
    long max = jitter.toMillis();
    if (max <= 0) {
      return Duration.ZERO;
    }
    long seed =
        UUID.nameUUIDFromBytes((name + "@" + slot).getBytes(StandardCharsets.UTF_8))
            .getLeastSignificantBits();
    return Duration.ofMillis(Math.floorMod(seed, max + 1));
  }

  /** The run label of a slot: which schedule and which slot, shown in reports and the store. */
  public String label(Instant slot) {
    return name + " " + slot;
  }
}
