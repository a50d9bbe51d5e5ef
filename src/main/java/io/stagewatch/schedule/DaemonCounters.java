package io.stagewatch.schedule;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunResult;
import java.util.Locale;

/**
 * What the daemon has done since it started, as Prometheus counters and a histogram: runs by
 * schedule and status, check results, notices by channel and outcome, and check durations. Unlike
 * the last run's gauges, these let {@code rate()} and {@code histogram_quantile()} work over time;
 * like every counter they start at zero when the process does.
 */
public final class DaemonCounters {
  /** From a fast health endpoint to a check that waits out a slow one. */
  static final double[] DURATION_BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();

  private final Counter runs =
      Counter.builder()
          .name("stagewatch_runs_total")
          .help("Runs this daemon finished, by schedule and status.")
          .labelNames("environment", "schedule", "status")
          .register(registry);

  private final Counter checkResults =
      Counter.builder()
          .name("stagewatch_check_results_total")
          .help("Check results of this daemon's runs, by check and status.")
          .labelNames("environment", "schedule", "suite", "check", "status")
          .register(registry);

  private final Counter notifications =
      Counter.builder()
          .name("stagewatch_notifications_total")
          .help("Notices this daemon tried to deliver, by channel and outcome.")
          .labelNames("environment", "channel", "status")
          .register(registry);

  private final Histogram durations =
      Histogram.builder()
          .name("stagewatch_check_duration_seconds")
          .help("How long checks took, retries included, over this daemon's runs.")
          .labelNames("environment", "schedule", "suite", "check")
          .classicOnly()
          .classicUpperBounds(DURATION_BUCKETS)
          .register(registry);

  /** Counts a finished run and its checks; skipped checks took no time and are not timed. */
  public void finished(RunResult run) {
    String environment = run.info().environment();
    String schedule = run.info().series().name();
    runs.labelValues(environment, schedule, run.status().word()).inc();
    for (CheckResult check : run.checks()) {
      checkResults
          .labelValues(environment, schedule, check.suite(), check.name(), lower(check.status()))
          .inc();
      if (check.status() != CheckStatus.SKIPPED) {
        durations
            .labelValues(environment, schedule, check.suite(), check.name())
            .observe(check.durationMs() / 1000.0);
      }
    }
  }

  /**
   * Counts a notice's delivery.
   *
   * @param status {@code sent}, {@code pending} (to be retried) or {@code failed}
   */
  public void notified(String environment, String channel, String status) {
    notifications.labelValues(environment, channel, status).inc();
  }

  MetricSnapshots snapshots() {
    return registry.scrape();
  }

  private static String lower(CheckStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
