package io.stagewatch.schedule;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.stagewatch.report.prometheus.MetricsReport;
import io.stagewatch.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * {@code /metrics}: the last finished run of every schedule's series with the metric names of
 * {@code metrics.prom} (rendered by {@link MetricsReport} itself, so the two cannot drift apart),
 * each sample labelled with its series' {@code schedule}; then the daemon's counters since it
 * started ({@link DaemonCounters}: {@code stagewatch_check_duration_seconds} is a histogram here,
 * in place of the last run's gauge), its build, and its own health. Every series is there at every
 * scrape, whichever ran last.
 */
public final class DaemonMetrics {
  private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

  private static final String BUILD_VERSION = version();
  private static final String BUILD_REVISION = manifest("Build-Revision");

  private DaemonMetrics() {}

  public static String render(DaemonStatus status, MetricSnapshots counters) {
    StringBuilder text = new StringBuilder();
    List<RunResult> runs = status.lastFinishedRuns();
    if (!runs.isEmpty()) {
      text.append(new MetricsReport().render(runs, false));
    }
    text.append(write(counters));
    text.append(daemonMetrics(status));
    return text.toString();
  }

  private static String daemonMetrics(DaemonStatus status) {
    Labels env = Labels.of("environment", status.environment());
    MetricSnapshots snapshots =
        new MetricSnapshots(
            gauge(
                "stagewatch_build_info",
                "The stagewatch build and the Java it runs on; always 1.",
                Labels.of(
                    "java", Runtime.version().toString(),
                    "revision", BUILD_REVISION,
                    "version", BUILD_VERSION),
                1),
            gauge(
                "stagewatch_daemon_last_success_age_seconds",
                "Seconds since a scheduled run last completed (since the start before the first).",
                env,
                status.lastSuccessAgeSeconds()),
            gauge(
                "stagewatch_daemon_up",
                "Whether the daemon is healthy (1): the store answers and runs are on time.",
                env,
                status.healthy() ? 1 : 0),
            gauge(
                "stagewatch_daemon_outbox_pending",
                "Notices in the store's outbox waiting to be delivered (pending or being sent).",
                env,
                status.outboxPending()));
    return write(snapshots);
  }

  private static String write(MetricSnapshots snapshots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      WRITER.write(out, snapshots);
    } catch (IOException e) {
      // Writing to memory does not fail.
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The jar's version, as {@code --version} and the store read it. */
  private static String version() {
    String version = DaemonMetrics.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  /** An entry of the manifest of stagewatch's jar; {@code unknown} outside one (tests, an IDE). */
  private static String manifest(String name) {
    try {
      CodeSource source = DaemonMetrics.class.getProtectionDomain().getCodeSource();
      Path jar = source == null ? null : Path.of(source.getLocation().toURI());
      if (jar == null || !Files.isRegularFile(jar)) {
        return "unknown";
      }
      try (JarFile file = new JarFile(jar.toFile())) {
        Manifest manifest = file.getManifest();
        String value = manifest == null ? null : manifest.getMainAttributes().getValue(name);
        return value == null || value.isBlank() ? "unknown" : value;
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }

  private static GaugeSnapshot gauge(String name, String help, Labels labels, double value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value).build())
        .build();
  }
}
