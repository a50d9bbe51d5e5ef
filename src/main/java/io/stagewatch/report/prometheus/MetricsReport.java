package io.stagewatch.report.prometheus;

import io.stagewatch.report.ReportContext;
import io.stagewatch.report.ReportFile;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Counts;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * {@code metrics.prom}: one run as Prometheus gauges, for node_exporter's textfile collector. Every
 * figure describes the last run only, so all of them are gauges: a counter would need the totals of
 * every run, which one run's file cannot know.
 *
 * <p>The metrics, each labelled with {@code environment} and {@code schedule} (the run's series:
 * the name of the schedule of its selection, or {@code adhoc}):
 *
 * <ul>
 *   <li>{@code stagewatch_certificate_expiry_timestamp_seconds{suite,check}}: when the TLS
 *       certificate a tls or https check saw expires; only checks that saw one have a sample
 *   <li>{@code stagewatch_check_up{suite,check}}: 1 when the check passed (flaky included), 0 when
 *       it failed or errored; skipped checks have no sample
 *   <li>{@code stagewatch_check_degraded{suite,check}}: 1 when the check passed slower than its
 *       {@code degradedResponseTime}, else 0; skipped checks have no sample
 *   <li>{@code stagewatch_check_status{suite,check,status}}: 1 for the check's status
 *   <li>{@code stagewatch_check_duration_seconds{suite,check}} and {@code
 *       stagewatch_check_attempts{suite,check}}
 *   <li>{@code stagewatch_check_silenced{suite,check}}: 1 when a silence or maintenance window held
 *       back notices about the check
 *   <li>{@code stagewatch_run_checks{status}}: how many checks ended in each status
 *   <li>{@code stagewatch_run_up}, {@code stagewatch_run_duration_seconds} and {@code
 *       stagewatch_last_run_timestamp_seconds} (when the run finished)
 * </ul>
 *
 * <p>The text is written directly, in the order the Prometheus client's text format writer uses
 * (families by name, samples by their sorted labels): building the client's snapshots and writing
 * them through it cost every run time for each check (CONTRIBUTING, Speed). A test holds the text
 * to the client's. The daemon renders the last run of each series into one text, each family once.
 */
public final class MetricsReport implements ReportFile {
  public static final String FILE_NAME = "metrics.prom";

  /** One check of one run, with the labels its samples carry. */
  private record Sample(String env, String schedule, CheckResult check) {}

  /**
   * Sample order within a per-check family, by the labels sorted by name: check, environment,
   * schedule, suite.
   */
  private static final Comparator<Sample> BY_CHECK_LABELS =
      Comparator.comparing((Sample s) -> s.check().name())
          .thenComparing(Sample::env)
          .thenComparing(Sample::schedule)
          .thenComparing(s -> s.check().suite());

  /** Sample order within a per-run family: environment, then schedule. */
  private static final Comparator<RunResult> BY_RUN_LABELS =
      Comparator.comparing((RunResult r) -> r.info().environment())
          .thenComparing(r -> r.info().series().name());

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public String render(ReportContext context) {
    RunResult result = context.result();
    return render(List.of(result));
  }

  /** The last run of each series in one text; each series' samples carry its name. */
  public String render(List<RunResult> lastRuns) {
    return render(lastRuns, true);
  }

  /**
   * @param durationGauge whether {@code stagewatch_check_duration_seconds} is the last run's gauge;
   *     the daemon leaves it out for the histogram of that name over all its runs
   */
  public String render(List<RunResult> lastRuns, boolean durationGauge) {
    List<RunResult> runs = lastRuns.stream().sorted(BY_RUN_LABELS).toList();
    List<Sample> checks = new ArrayList<>();
    for (RunResult run : runs) {
      String env = escape(run.info().environment());
      String schedule = escape(run.info().series().name());
      run.checks().forEach(c -> checks.add(new Sample(env, schedule, c)));
    }
    checks.sort(BY_CHECK_LABELS);
    List<Sample> executed =
        checks.stream().filter(c -> c.check().status() != CheckStatus.SKIPPED).toList();
    StringBuilder out = new StringBuilder(checks.size() * 400 + 2000);
    perCheck(
        out,
        "stagewatch_certificate_expiry_timestamp_seconds",
        "When the TLS certificate the check saw in the last run expires, in seconds since the epoch.",
        checks.stream().filter(c -> c.check().certificateExpiry() != null).toList(),
        c -> Objects.requireNonNull(c.certificateExpiry()).getEpochSecond());
    perCheck(
        out,
        "stagewatch_check_attempts",
        "How many attempts the check took in the last run.",
        checks,
        CheckResult::attempts);
    perCheck(
        out,
        "stagewatch_check_degraded",
        "Whether the check passed slower than its degradedResponseTime in the last run (1) or not.",
        executed,
        c -> c.degraded() ? 1 : 0);
    if (durationGauge) {
      perCheck(
          out,
          "stagewatch_check_duration_seconds",
          "How long the check took in the last run, retries included.",
          checks,
          c -> c.durationMs() / 1000.0);
    }
    perCheck(
        out,
        "stagewatch_check_silenced",
        "Whether a silence or maintenance window held back notices about the check in the last"
            + " run (1) or not (0).",
        checks,
        c -> c.silenced() ? 1 : 0);
    checkStatus(out, checks);
    perCheck(
        out,
        "stagewatch_check_up",
        "Whether the check passed in the last run (1, flaky included) or failed (0).",
        executed,
        c -> c.status().isPass() ? 1 : 0);
    perRun(
        out,
        "stagewatch_last_run_timestamp_seconds",
        "When the last run finished, in seconds since the epoch.",
        runs,
        r -> r.finishedAt().toEpochMilli() / 1000.0);
    runChecks(out, runs);
    perRun(
        out,
        "stagewatch_run_duration_seconds",
        "How long the last run took.",
        runs,
        r -> r.duration().toMillis() / 1000.0);
    perRun(
        out,
        "stagewatch_run_up",
        "Whether the last run passed (1) or failed (0).",
        runs,
        r -> r.status() == RunStatus.PASSED ? 1 : 0);
    return out.toString();
  }

  private static void perCheck(
      StringBuilder out,
      String name,
      String help,
      List<Sample> checks,
      ToDoubleFunction<CheckResult> value) {
    if (checks.isEmpty()) {
      return;
    }
    header(out, name, help);
    for (Sample s : checks) {
      checkLabels(out.append(name), s).append("\",suite=\"").append(escape(s.check().suite()));
      out.append("\"} ");
      value(out, value.applyAsDouble(s.check()));
    }
  }

  private static void checkStatus(StringBuilder out, List<Sample> checks) {
    if (checks.isEmpty()) {
      return;
    }
    String name = "stagewatch_check_status";
    header(out, name, "The check's status in the last run: 1 on the series of its status.");
    for (Sample s : checks) {
      checkLabels(out.append(name), s).append("\",status=\"").append(lower(s.check().status()));
      out.append("\",suite=\"").append(escape(s.check().suite())).append("\"} ");
      value(out, 1);
    }
  }

  /** The labels up to the schedule's value, in name order. */
  private static StringBuilder checkLabels(StringBuilder out, Sample s) {
    // The check's own name: the suite is a label of its own.
    out.append("{check=\"").append(escape(s.check().name()));
    out.append("\",environment=\"").append(s.env());
    return out.append("\",schedule=\"").append(s.schedule());
  }

  /** One sample per status and run, in the order of the status names. */
  private static void runChecks(StringBuilder out, List<RunResult> runs) {
    if (runs.isEmpty()) {
      return;
    }
    String name = "stagewatch_run_checks";
    header(out, name, "How many checks of the last run ended in each status.");
    List<CheckStatus> byName =
        Arrays.stream(CheckStatus.values())
            .sorted(Comparator.comparing(MetricsReport::lower))
            .toList();
    for (RunResult run : runs) {
      Counts counts = run.counts();
      for (CheckStatus status : byName) {
        runLabels(out.append(name), run).append("\",status=\"").append(lower(status));
        out.append("\"} ");
        value(out, counts.of(status));
      }
    }
  }

  private static void perRun(
      StringBuilder out,
      String name,
      String help,
      List<RunResult> runs,
      ToDoubleFunction<RunResult> value) {
    if (runs.isEmpty()) {
      return;
    }
    header(out, name, help);
    for (RunResult run : runs) {
      runLabels(out.append(name), run).append("\"} ");
      value(out, value.applyAsDouble(run));
    }
  }

  private static StringBuilder runLabels(StringBuilder out, RunResult run) {
    out.append("{environment=\"").append(escape(run.info().environment()));
    return out.append("\",schedule=\"").append(escape(run.info().series().name()));
  }

  /** The help texts are constants without backslashes or line breaks: nothing to escape. */
  private static void header(StringBuilder out, String name, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
  }

  /** As the text format writes a double: Java's own notation, and +Inf, -Inf, NaN. */
  private static void value(StringBuilder out, double value) {
    if (value == Double.POSITIVE_INFINITY) {
      out.append("+Inf");
    } else if (value == Double.NEGATIVE_INFINITY) {
      out.append("-Inf");
    } else {
      out.append(Double.toString(value));
    }
    out.append('\n');
  }

  /** A label value with backslashes, double quotes and line breaks escaped. */
  private static String escape(String value) {
    if (value.indexOf('\\') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '"' -> escaped.append("\\\"");
        case '\n' -> escaped.append("\\n");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static String lower(CheckStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
