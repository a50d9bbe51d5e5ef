package io.stagewatch.app;

import io.stagewatch.config.TagExpressions;
import io.stagewatch.store.Silence;
import io.stagewatch.store.Silences;
import io.stagewatch.store.StoreException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code silence} commands do with a project's store: add a silence after checking it,
 * list the active and recent ones, end one early. Times come from the clock the commands run on.
 */
public final class SilenceBook {
  /** How far back {@link #recent} looks for silences that are over. */
  public static final Duration RECENT = Duration.ofDays(7);

  private final Silences store;
  private final Clock clock;

  /**
   * @param clock now, for a silence's start and for {@code --for}
   */
  public SilenceBook(Silences store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Checks and records a silence starting now.
   *
   * @param zone the zone a local {@code --until} is read in
   * @throws SilenceRefusedException when it has no reason, no end or one in the past, or a tag
   *     expression that does not parse: nothing is recorded
   */
  public Silence add(SilenceRequest request, ZoneId zone)
      throws SilenceRefusedException, StoreException {
    Instant now = clock.instant();
    String reason = request.reason();
    if (reason == null || reason.isBlank()) {
      throw new SilenceRefusedException(
          "--reason is required: say why, e.g. --reason 'deploy 1.4.2' (it is shown in every"
              + " report of a silenced check)");
    }
    if (reason.strip().contains("\n")) {
      throw new SilenceRefusedException("--reason must be one line of text");
    }
    Instant end = end(request, now, zone);
    String tags = request.tags();
    if (tags != null) {
      String problem = TagExpressions.problem(tags);
      if (problem != null) {
        throw new SilenceRefusedException("--tags " + problem);
      }
    }
    Silence silence =
        new Silence(
            newId(),
            request.environment(),
            request.suites(),
            tags,
            now,
            end,
            false,
            reason.strip());
    store.addSilence(silence);
    return silence;
  }

  /** The silences of every environment that are active or ended within {@link #RECENT}. */
  public List<Silence> recent() throws StoreException {
    return store.silencesEndingAfter(clock.instant().minus(RECENT));
  }

  /** What {@link #end} found. */
  public enum Ending {
    /** It was in force and is now over. */
    ENDED,
    /** It was over already: nothing changed. */
    OVER_ALREADY
  }

  /**
   * Ends a silence now.
   *
   * @throws SilenceRefusedException when the store has no silence of that id
   */
  public Ending end(String id) throws SilenceRefusedException, StoreException {
    Optional<Silence> found = store.silence(id);
    if (found.isEmpty()) {
      throw new SilenceRefusedException(
          "no silence has the id '" + id + "' (stagewatch silence list shows them)");
    }
    return store.endSilence(id, clock.instant()) ? Ending.ENDED : Ending.OVER_ALREADY;
  }

  /** The now of the commands. */
  public Instant now() {
    return clock.instant();
  }

  private static Instant end(SilenceRequest request, Instant now, ZoneId zone)
      throws SilenceRefusedException {
    Duration lasting = request.lasting();
    String until = request.until();
    if ((lasting == null) == (until == null)) {
      throw new SilenceRefusedException(
          "give exactly one of --for DURATION (e.g. 2h) and --until TIME (e.g. 18:30 or"
              + " 2026-11-23T18:30:00+01:00)");
    }
    if (lasting != null) {
      if (lasting.isZero() || lasting.isNegative()) {
        throw new SilenceRefusedException("--for must be a positive duration, e.g. 30m or 2h");
      }
      return now.plus(lasting);
    }
    Instant end = parseUntil(java.util.Objects.requireNonNull(until), now, zone);
    if (!end.isAfter(now)) {
      throw new SilenceRefusedException(
          "--until " + until + " is in the past (it is now " + now + "): a silence must end later");
    }
    return end;
  }

  /**
   * {@code --until}: an ISO-8601 time with an offset ({@code 2026-11-23T18:30:00+01:00}, {@code
   * ...Z}), a local date and time ({@code 2026-11-23T18:30}), or a local time of day ({@code
   * 18:30}), which means the next one to come.
   */
  static Instant parseUntil(String text, Instant now, ZoneId zone) throws SilenceRefusedException {
    String t = text.strip();
    @Nullable Instant parsed = parsed(t, now, zone);
    if (parsed == null) {
      throw new SilenceRefusedException(
          "--until expected a time such as 18:30, 2026-11-23T18:30 (local time, "
              + zone.getId()
              + ") or 2026-11-23T18:30:00+01:00, got '"
              + text
              + "'");
    }
    return parsed;
  }

  private static @Nullable Instant parsed(String t, Instant now, ZoneId zone) {
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException e) {
      // Not with an offset: try the local forms.
    }
    try {
      return LocalDateTime.parse(t).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      // Not a local date and time either.
    }
    try {
      LocalTime time = LocalTime.parse(t);
      ZonedDateTime today = now.atZone(zone).with(time);
      return today.toInstant().isAfter(now) ? today.toInstant() : today.plusDays(1).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Short enough to type in {@code silence end}: eight hex digits. */
  private static String newId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }
}
