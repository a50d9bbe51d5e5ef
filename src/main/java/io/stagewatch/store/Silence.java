package io.stagewatch.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A time during which no notice is sent about the checks it selects: they still run and are
 * recorded, and their alert state keeps advancing, so that a check still failing when the silence
 * ends alerts at the next run.
 *
 * @param id what {@code silence end} takes
 * @param suites the suites it selects; empty for every suite
 * @param tags the tag expression it selects; null for every check
 * @param endsAt when it ends, or ended when it was ended early
 * @param endedEarly whether it was ended before its time
 */
public record Silence(
    String id,
    String environment,
    List<String> suites,
    @Nullable String tags,
    Instant startsAt,
    Instant endsAt,
    boolean endedEarly,
    String reason) {

  public Silence {
    suites = List.copyOf(suites);
  }

  /** Whether it holds notices back at {@code now}. */
  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  /** What {@code silence list} says of it at {@code now}: active, ended (early) or expired. */
  public String state(Instant now) {
    if (activeAt(now)) {
      return "active";
    }
    if (now.isBefore(startsAt)) {
      return "pending";
    }
    return endedEarly ? "ended" : "expired";
  }
}
