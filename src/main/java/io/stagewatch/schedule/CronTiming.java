package io.stagewatch.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** A 5-field Unix cron expression in a time zone, read by cron-utils. */
final class CronTiming implements Timing {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ExecutionTime executions;
  private final ZoneId zone;

  private CronTiming(String expression, ExecutionTime executions, ZoneId zone) {
    this.expression = expression;
    this.executions = executions;
    this.zone = zone;
  }

  /**
   * @throws IllegalArgumentException when the expression is not a valid 5-field cron expression
   */
  static CronTiming parse(String expression, ZoneId zone) {
    Cron cron = PARSER.parse(expression).validate();
    return new CronTiming(expression, ExecutionTime.forCron(cron), zone);
  }

  @Override
  public Instant nextAfter(Instant t) {
    return executions
        .nextExecution(t.atZone(zone))
        .map(ZonedDateTime::toInstant)
        .orElseThrow(() -> new IllegalStateException(expression + " has no next time"));
  }

  @Override
  public Instant latestAtOrBefore(Instant t) {
    // Cron resolves to whole minutes; a time on a slot's minute is that slot.
    ZonedDateTime minute = t.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
    if (executions.isMatch(minute)) {
      return minute.toInstant();
    }
    return executions
        .lastExecution(minute)
        .map(ZonedDateTime::toInstant)
        .orElseThrow(() -> new IllegalStateException(expression + " has no earlier time"));
  }

  @Override
  public Duration period() {
    Instant first = nextAfter(Instant.EPOCH.plus(Duration.ofDays(365 * 50)));
    return Duration.between(first, nextAfter(first));
  }

  @Override
  public String toString() {
    return expression + " (" + zone + ")";
  }
}
