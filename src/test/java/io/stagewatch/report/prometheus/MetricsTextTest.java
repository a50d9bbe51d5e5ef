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
import io.stagewatch.run.Series;
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

  @Test
  void theLastRunsOfSeveralSeriesAreOneTextWithEachFamilyOnce() throws IOException {
    RunResult smoke = inSeries(SampleRuns.mixed(), new Series("smoke", "-t smoke"));
    RunResult db = inSeries(SampleRuns.allPassed(), new Series("db", "-s database"));

    String text = new MetricsReport().render(List.of(smoke, db));

    List<MetricSnapshot> both = new ArrayList<>();
    for (String family : FAMILIES) {
      GaugeSnapshot.Builder gauge = null;
      for (RunResult run : List.of(smoke, db)) {
        for (MetricSnapshot m : snapshots(run)) {
          if (m.getMetadata().getName().equals(family)) {
            if (gauge == null) {
              gauge = GaugeSnapshot.builder().name(family).help(m.getMetadata().getHelp());
            }
            for (var point : ((GaugeSnapshot) m).getDataPoints()) {
              gauge.dataPoint(point);
            }
          }
        }
      }
      if (gauge != null) {
        both.add(gauge.build());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, new MetricSnapshots(both));
    assertThat(text).isEqualTo(out.toString(StandardCharsets.UTF_8));
    assertThat(text)
        .contains("stagewatch_run_up{environment=\"staging\",schedule=\"db\"} 1.0")
        .contains("stagewatch_run_up{environment=\"staging\",schedule=\"smoke\"} 0.0");
    assertThat(text.lines().filter(l -> l.startsWith("# TYPE stagewatch_run_up"))).hasSize(1);
  }

  private static final List<String> FAMILIES =
      List.of(
          "stagewatch_check_up",
          "stagewatch_check_status",
          "stagewatch_check_duration_seconds",
          "stagewatch_check_attempts",
          "stagewatch_check_silenced",
          "stagewatch_check_degraded",
          "stagewatch_run_checks",
          "stagewatch_run_up",
          "stagewatch_run_duration_seconds",
          "stagewatch_last_run_timestamp_seconds");

  private static RunResult inSeries(RunResult run, Series series) {
    RunInfo i = run.info();
    return new RunResult(
        new RunInfo(
            i.runId(), i.project(), i.environment(), i.trigger(), i.label(), i.startedAt(), series),
        run.finishedAt(),
        run.checks());
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
    checks.set(0, checks.get(0).withSilenceReason("deploy \"1.4\""));
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
    String schedule = result.info().series().name();
    List<MetricSnapshot> metrics = new ArrayList<>(checkMetrics(env, schedule, result.checks()));
    metrics.addAll(runMetrics(env, schedule, result));
    return new MetricSnapshots(metrics);
  }

  private static List<MetricSnapshot> checkMetrics(
      String env, String schedule, List<CheckResult> checks) {
    List<CheckResult> executed =
        checks.stream().filter(c -> c.status() != CheckStatus.SKIPPED).toList();
    return List.of(
        perCheck(
            "stagewatch_check_up",
            "Whether the check passed in the last run (1, flaky included) or failed (0).",
            env,
            schedule,
            executed,
            c -> c.status().isPass() ? 1 : 0),
        checkStatus(env, schedule, checks),
        perCheck(
            "stagewatch_check_duration_seconds",
            "How long the check took in the last run, retries included.",
            env,
            schedule,
            checks,
            c -> c.durationMs() / 1000.0),
        perCheck(
            "stagewatch_check_attempts",
            "How many attempts the check took in the last run.",
            env,
            schedule,
            checks,
            CheckResult::attempts),
        perCheck(
            "stagewatch_check_silenced",
            "Whether a silence or maintenance window held back notices about the check in the last"
                + " run (1) or not (0).",
            env,
            schedule,
            checks,
            c -> c.silenced() ? 1 : 0),
        perCheck(
            "stagewatch_check_degraded",
            "Whether the check passed slower than its degradedResponseTime in the last run (1) or"
                + " not.",
            env,
            schedule,
            executed,
            c -> c.degraded() ? 1 : 0));
  }

  private static List<MetricSnapshot> runMetrics(String env, String schedule, RunResult result) {
    return List.of(
        runChecks(env, schedule, result.counts()),
        single(
            "stagewatch_run_up",
            "Whether the last run passed (1) or failed (0).",
            env,
            schedule,
            result.status() == RunStatus.PASSED ? 1 : 0),
        single(
            "stagewatch_run_duration_seconds",
            "How long the last run took.",
            env,
            schedule,
            result.duration().toMillis() / 1000.0),
        single(
            "stagewatch_last_run_timestamp_seconds",
            "When the last run finished, in seconds since the epoch.",
            env,
            schedule,
            result.finishedAt().toEpochMilli() / 1000.0));
  }

  private static GaugeSnapshot perCheck(
      String name,
      String help,
      String env,
      String schedule,
      List<CheckResult> checks,
      ToDoubleFunction<CheckResult> value) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    for (CheckResult c : checks) {
      gauge.dataPoint(point(checkLabels(env, schedule, c), value.applyAsDouble(c)));
    }
    return gauge.build();
  }

  private static GaugeSnapshot checkStatus(String env, String schedule, List<CheckResult> checks) {
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder()
            .name("stagewatch_check_status")
            .help("The check's status in the last run: 1 on the series of its status.");
    for (CheckResult c : checks) {
      gauge.dataPoint(point(checkLabels(env, schedule, c).add("status", lower(c.status())), 1));
    }
    return gauge.build();
  }

  private static GaugeSnapshot runChecks(String env, String schedule, Counts counts) {
    List<GaugeDataPointSnapshot> points = new ArrayList<>();
    for (CheckStatus status : CheckStatus.values()) {
      int n = counts.of(status);
      points.add(
          point(Labels.of("environment", env, "schedule", schedule, "status", lower(status)), n));
    }
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder()
            .name("stagewatch_run_checks")
            .help("How many checks of the last run ended in each status.");
    points.forEach(gauge::dataPoint);
    return gauge.build();
  }

  private static GaugeSnapshot single(
      String name, String help, String env, String schedule, double value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(point(Labels.of("environment", env, "schedule", schedule), value))
        .build();
  }

  private static Labels checkLabels(String env, String schedule, CheckResult c) {
    return Labels.of(
        "environment", env, "schedule", schedule, "suite", c.suite(), "check", c.name());
  }

  private static GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  private static String lower(CheckStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
