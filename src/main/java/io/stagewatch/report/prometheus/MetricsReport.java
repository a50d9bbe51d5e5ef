package io.stagewatch.report.prometheus;

import io.stagewatch.report.ReportFile;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Counts;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.RunStatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code metrics.prom}: one run as Prometheus gauges, for node_exporter's textfile collector. Every
 * figure describes the last run only, so all of them are gauges: a counter would need the totals of
 * every run, which one run's file cannot know.
 *
 * <p>The metrics, each labelled with {@code environment}:
 *
 * <ul>
 *   <li>{@code stagewatch_check_up{suite,check}}: 1 when the check passed (flaky included), 0 when
 *       it failed or errored; skipped checks have no sample
 *   <li>{@code stagewatch_check_status{suite,check,status}}: 1 for the check's status
 *   <li>{@code stagewatch_check_duration_seconds{suite,check}} and {@code
 *       stagewatch_check_attempts{suite,check}}
 *   <li>{@code stagewatch_run_checks{status}}: how many checks ended in each status
 *   <li>{@code stagewatch_run_up}, {@code stagewatch_run_duration_seconds} and {@code
 *       stagewatch_last_run_timestamp_seconds} (when the run finished)
 * </ul>
 *
 * <p>The text is written directly, in the order the Prometheus client's text format writer uses
 * (families by name, samples by their sorted labels): building the client's snapshots and writing
 * them through it cost every run about 20 ms for each thousand checks. A test holds the text to the
 * client's.
 */
public final class MetricsReport implements ReportFile {
  public static final String FILE_NAME = "metrics.prom";

  /** Sample order within a per-check family: the labels sorted by name are check, then suite. */
  private static final Comparator<CheckResult> BY_LABELS =
      Comparator.comparing(CheckResult::id).thenComparing(CheckResult::suite);

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public String render(RunResult result) {
    String env = escape(result.info().environment());
    List<CheckResult> checks = result.checks().stream().sorted(BY_LABELS).toList();
    List<CheckResult> executed =
        checks.stream().filter(c -> c.status() != CheckStatus.SKIPPED).toList();
    StringBuilder out = new StringBuilder(checks.size() * 400 + 2000);
    perCheck(
        out,
        "stagewatch_check_attempts",
        "How many attempts the check took in the last run.",
        env,
        checks,
        CheckResult::attempts);
    perCheck(
        out,
        "stagewatch_check_duration_seconds",
        "How long the check took in the last run, retries included.",
        env,
        checks,
        c -> c.durationMs() / 1000.0);
    checkStatus(out, env, checks);
    perCheck(
        out,
        "stagewatch_check_up",
        "Whether the check passed in the last run (1, flaky included) or failed (0).",
        env,
        executed,
        c -> c.status().isPass() ? 1 : 0);
    single(
        out,
        "stagewatch_last_run_timestamp_seconds",
        "When the last run finished, in seconds since the epoch.",
        env,
        result.finishedAt().toEpochMilli() / 1000.0);
    runChecks(out, env, result.counts());
    single(
        out,
        "stagewatch_run_duration_seconds",
        "How long the last run took.",
        env,
        result.duration().toMillis() / 1000.0);
    single(
        out,
        "stagewatch_run_up",
        "Whether the last run passed (1) or failed (0).",
        env,
        result.status() == RunStatus.PASSED ? 1 : 0);
    return out.toString();
  }

  private static void perCheck(
      StringBuilder out,
      String name,
      String help,
      String env,
      List<CheckResult> checks,
      ToDoubleFunction<CheckResult> value) {
    if (checks.isEmpty()) {
      return;
    }
    header(out, name, help);
    for (CheckResult c : checks) {
      out.append(name).append("{check=\"").append(escape(c.id()));
      out.append("\",environment=\"").append(env);
      out.append("\",suite=\"").append(escape(c.suite())).append("\"} ");
      value(out, value.applyAsDouble(c));
    }
  }

  private static void checkStatus(StringBuilder out, String env, List<CheckResult> checks) {
    if (checks.isEmpty()) {
      return;
    }
    String name = "stagewatch_check_status";
    header(out, name, "The check's status in the last run: 1 on the series of its status.");
    for (CheckResult c : checks) {
      out.append(name).append("{check=\"").append(escape(c.id()));
      out.append("\",environment=\"").append(env);
      out.append("\",status=\"").append(lower(c.status()));
      out.append("\",suite=\"").append(escape(c.suite())).append("\"} ");
      value(out, 1);
    }
  }

  /** One sample per status, in the order of the status names. */
  private static void runChecks(StringBuilder out, String env, Counts counts) {
    String name = "stagewatch_run_checks";
    header(out, name, "How many checks of the last run ended in each status.");
    List<CheckStatus> byName =
        Arrays.stream(CheckStatus.values())
            .sorted(Comparator.comparing(MetricsReport::lower))
            .toList();
    for (CheckStatus status : byName) {
      int n = counts.of(status);
      out.append(name).append("{environment=\"").append(env);
      out.append("\",status=\"").append(lower(status)).append("\"} ");
      value(out, n);
    }
  }

  private static void single(StringBuilder out, String name, String help, String env, double v) {
    header(out, name, help);
    out.append(name).append("{environment=\"").append(env).append("\"} ");
    value(out, v);
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
