package io.stagewatch.report.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.stagewatch.report.SampleRuns;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Counts;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * {@code metrics.prom} is written as text; these tests hold it to what the Prometheus client's text
 * format writer makes of the same figures as client snapshots (the way the file was written
 * before), order and escaping included.
 */
class MetricsTextTest {

  @Test
  void theTextIsWhatThePrometheusClientWrites() throws IOException {
    for (RunResult run : runs()) {
      assertThat(new MetricsReport().render(run)).isEqualTo(clientText(run));
    }
  }

  private static List<RunResult> runs() {
    RunInfo info =
        new RunInfo("run-1", null, "stäging \\ \"eu\"\nwest", "manual", null, SampleRuns.STARTED);
    List<CheckResult> checks = new ArrayList<>();
    for (int i = 12; i >= 0; i--) {
      checks.add(
          SampleRuns.check(
              i % 2 == 0 ? "b-suite" : "a \"suite\"\\",
              "check " + i + (i == 3 ? " ✓\nline" : ""),
              CheckStatus.values()[i % CheckStatus.values().length],
              1 + i % 3,
              i * 137L,
              null,
              List.of()));
    }
    RunResult nasty = new RunResult(info, SampleRuns.FINISHED, checks);
    RunResult empty = new RunResult(info, SampleRuns.FINISHED, List.of());
    RunResult skippedOnly =
        new RunResult(
            info,
            SampleRuns.FINISHED,
            List.of(SampleRuns.check("s", "c", CheckStatus.SKIPPED, 0, 0, "why", List.of())));
    return List.of(SampleRuns.mixed(), SampleRuns.allPassed(), nasty, empty, skippedOnly);
  }

  private static String clientText(RunResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots(result));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static MetricSnapshots snapshots(RunResult result) {
    String env = result.info().environment();
    List<MetricSnapshot> metrics = new ArrayList<>(checkMetrics(env, result.checks()));
    metrics.addAll(runMetrics(env, result));
    return new MetricSnapshots(metrics);
  }

  private static List<MetricSnapshot> checkMetrics(String env, List<CheckResult> checks) {
    List<CheckResult> executed =
        checks.stream().filter(c -> c.status() != CheckStatus.SKIPPED).toList();
    return List.of(
        perCheck(
            "stagewatch_check_up",
            "Whether the check passed in the last run (1, flaky included) or failed (0).",
            env,
            executed,
            c -> c.status().isPass() ? 1 : 0),
        checkStatus(env, checks),
        perCheck(
            "stagewatch_check_duration_seconds",
            "How long the check took in the last run, retries included.",
            env,
            checks,
            c -> c.durationMs() / 1000.0),
        perCheck(
            "stagewatch_check_attempts",
            "How many attempts the check took in the last run.",
            env,
            checks,
            CheckResult::attempts));
  }

  private static List<MetricSnapshot> runMetrics(String env, RunResult result) {
    return List.of(
        runChecks(env, result.counts()),
        single(
            "stagewatch_run_up",
            "Whether the last run passed (1) or failed (0).",
            env,
            result.status() == RunStatus.PASSED ? 1 : 0),
        single(
            "stagewatch_run_duration_seconds",
            "How long the last run took.",
            env,
            result.duration().toMillis() / 1000.0),
        single(
            "stagewatch_last_run_timestamp_seconds",
            "When the last run finished, in seconds since the epoch.",
            env,
            result.finishedAt().toEpochMilli() / 1000.0));
  }

  private static GaugeSnapshot perCheck(
      String name,
      String help,
      String env,
      List<CheckResult> checks,
      ToDoubleFunction<CheckResult> value) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    for (CheckResult c : checks) {
      gauge.dataPoint(point(checkLabels(env, c), value.applyAsDouble(c)));
    }
    return gauge.build();
  }

  private static GaugeSnapshot checkStatus(String env, List<CheckResult> checks) {
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder()
            .name("stagewatch_check_status")
            .help("The check's status in the last run: 1 on the series of its status.");
    for (CheckResult c : checks) {
      gauge.dataPoint(point(checkLabels(env, c).add("status", lower(c.status())), 1));
    }
    return gauge.build();
  }

  private static GaugeSnapshot runChecks(String env, Counts counts) {
    List<GaugeDataPointSnapshot> points = new ArrayList<>();
    for (CheckStatus status : CheckStatus.values()) {
      int n = counts.of(status);
      points.add(point(Labels.of("environment", env, "status", lower(status)), n));
    }
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder()
            .name("stagewatch_run_checks")
            .help("How many checks of the last run ended in each status.");
    points.forEach(gauge::dataPoint);
    return gauge.build();
  }

  private static GaugeSnapshot single(String name, String help, String env, double value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(point(Labels.of("environment", env), value))
        .build();
  }

  private static Labels checkLabels(String env, CheckResult c) {
    return Labels.of("environment", env, "suite", c.suite(), "check", c.id());
  }

  private static GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  private static String lower(CheckStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
