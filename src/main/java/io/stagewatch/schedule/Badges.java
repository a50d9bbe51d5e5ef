package io.stagewatch.schedule;

import io.stagewatch.report.badge.Badge;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.RunStatus;
import io.stagewatch.store.Uptime;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's badges: {@code /badges/<schedule>/status.svg} (passing, degraded when a check of it
 * passed slowly, failing, or unknown: the series' last finished run) and {@code
 * /badges/<schedule>/uptime.svg?window=24h|7d|30d} (the share of the series' finished runs in the
 * window that passed). Caches may keep one for a minute: a README shown to many readers should not
 * read the store for each of them.
 */
final class Badges {
  static final String PREFIX = "/badges/";

  private static final String SVG = "image/svg+xml; charset=utf-8";
  private static final String CACHE = "public, max-age=60";
  private static final Map<String, Duration> WINDOWS =
      Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));

  private Badges() {}

  static StatusServer.Reply answer(URI uri, StatusSource source) {
    String[] parts = uri.getPath().substring(PREFIX.length()).split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty()) {
      return StatusServer.notFound();
    }
    String schedule = parts[0];
    return switch (parts[1]) {
      case "status.svg" -> status(schedule, source.read());
      case "uptime.svg" -> uptime(schedule, query(uri.getRawQuery(), "window"), source);
      default -> StatusServer.notFound();
    };
  }

  private static StatusServer.Reply status(String schedule, DaemonStatus status) {
    Optional<SeriesStatus> series =
        status.series().stream().filter(s -> s.name().equals(schedule)).findFirst();
    if (series.isEmpty()) {
      return StatusServer.notFound();
    }
    Optional<RunResult> last = series.get().lastFinished();
    if (last.isEmpty()) {
      return svg(new Badge(schedule, "unknown", Badge.GREY));
    }
    RunResult run = last.get();
    if (run.status() != RunStatus.PASSED) {
      return svg(new Badge(schedule, "failing", Badge.RED));
    }
    boolean degraded = run.checks().stream().anyMatch(CheckResult::degraded);
    return svg(
        degraded
            ? new Badge(schedule, "degraded", Badge.AMBER)
            : new Badge(schedule, "passing", Badge.GREEN));
  }

  private static StatusServer.Reply uptime(
      String schedule, Optional<String> window, StatusSource source) {
    String name = window.orElse("24h");
    Duration span = WINDOWS.get(name);
    if (span == null) {
      return StatusServer.badRequest("window must be one of 24h, 7d, 30d; got " + name);
    }
    if (!source.hasSchedule(schedule)) {
      return StatusServer.notFound();
    }
    String label = schedule + " " + name;
    OptionalDouble ratio =
        source.uptime(schedule, span).map(Uptime::ratio).orElse(OptionalDouble.empty());
    if (ratio.isEmpty()) {
      return svg(new Badge(label, "unknown", Badge.GREY));
    }
    double share = ratio.getAsDouble();
    String colour = share >= 0.99 ? Badge.GREEN : share >= 0.95 ? Badge.AMBER : Badge.RED;
    return svg(new Badge(label, percent(share), colour));
  }

  /** 100%, 99.5%, 87.25%: as many decimals as there are, up to two, never rounded up to 100. */
  static String percent(double share) {
    double hundredths = Math.floor(share * 10_000) / 100;
    String text = String.format(Locale.ROOT, "%.2f", hundredths);
    text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
    return text + "%";
  }

  private static Optional<String> query(@Nullable String raw, String name) {
    if (raw == null) {
      return Optional.empty();
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return Optional.of(pair.substring(eq + 1));
      }
    }
    return Optional.empty();
  }

  private static StatusServer.Reply svg(Badge badge) {
    return new StatusServer.Reply(200, SVG, badge.svg(), CACHE);
  }
}
