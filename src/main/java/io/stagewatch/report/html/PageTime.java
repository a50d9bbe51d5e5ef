package io.stagewatch.report.html;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How the page writes times: an instant relative to the page's own moment ("3 min ago"), with the
 * exact instant to the second in UTC on hover and in a {@code <time datetime>}; and durations as a
 * person reads them ({@code 120 ms}, {@code 1.4 s}).
 *
 * <p>The daemon's page is rendered on each request, so it says "ago". {@code report.html} may be
 * opened days after it was written, so it says "before this report" and names the moment it was
 * made: rendered server-side, the page needs no script and never goes stale.
 *
 * @param now the page's moment: the daemon's clock at the request, or the end of the run
 * @param live whether the page is rendered for the moment it is read (the daemon's), rather than
 *     kept (a report)
 */
public record PageTime(Instant now, boolean live) {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** A span shorter than this reads as a moment rather than as a count of seconds. */
  private static final Duration MOMENT = Duration.ofSeconds(1);

  /** The daemon's page, rendered afresh on each request at {@code now}. */
  public static PageTime live(Instant now) {
    return new PageTime(now, true);
  }

  /** A report made at {@code madeAt} and read any time later. */
  public static PageTime report(Instant madeAt) {
    return new PageTime(madeAt, false);
  }

  /** {@code at} as a {@code <time>} element: relative text, the exact instant on hover. */
  public String element(Instant at) {
    return "<time datetime=\""
        + at.truncatedTo(ChronoUnit.SECONDS)
        + "\" title=\""
        + exact(at)
        + "\">"
        + relative(at)
        + "</time>";
  }

  /** The page's own moment, written out in full: {@code As of <time>…</time>}. */
  public String stamp() {
    return (live ? "As of " : "Report made ")
        + "<time datetime=\""
        + now.truncatedTo(ChronoUnit.SECONDS)
        + "\">"
        + exact(now)
        + "</time>";
  }

  /** {@code at} relative to the page's moment, such as {@code 3 min ago}. */
  public String relative(Instant at) {
    Duration span = Duration.between(at, now);
    // A time after the page's moment: a replica's clock running ahead of this one.
    String side =
        span.isNegative()
            ? (live ? "from now" : "after this report")
            : (live ? "ago" : "before this report");
    span = span.abs();
    return (span.compareTo(MOMENT) < 0 ? "moments" : span(span)) + " " + side;
  }

  /** The instant to the second, in UTC, as a person reads it: {@code 2026-12-06 14:23:20 UTC}. */
  public static String exact(Instant at) {
    return SHOWN.format(at);
  }

  /** A span in its largest whole unit: {@code 42 s}, {@code 3 min}, {@code 5 h}, {@code 2 days}. */
  static String span(Duration span) {
    if (span.toMinutes() < 1) {
      return span.toSeconds() + " s";
    }
    if (span.toHours() < 1) {
      return span.toMinutes() + " min";
    }
    if (span.toHours() < 48) {
      return span.toHours() + " h";
    }
    return span.toDays() + " days";
  }

  /**
   * A check's or run's duration: whole milliseconds under a second, tenths of a second under ten
   * seconds, whole seconds under a minute, then minutes and seconds.
   */
  public static String duration(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 10_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long seconds = Math.round(ms / 1000.0);
    if (seconds < 60) {
      return seconds + " s";
    }
    return seconds / 60 + " min " + seconds % 60 + " s";
  }
}
