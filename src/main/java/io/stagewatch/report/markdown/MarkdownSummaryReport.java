package io.stagewatch.report.markdown;

import io.stagewatch.report.ReportContext;
import io.stagewatch.report.ReportFile;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Counts;
import io.stagewatch.run.Percentiles;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.WindowFigures;
import io.stagewatch.text.HumanDuration;
import io.stagewatch.text.PassRate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code summary.md}: how the environment is doing, for people. Sections without content are left
 * out so that a green run stays short.
 */
public final class MarkdownSummaryReport implements ReportFile {
  public static final String FILE_NAME = "summary.md";
  public static final String INSECURE_FLAG = "insecure";

  private static final int SLOWEST = 5;
  private static final int REASON_LIMIT = 300;

  /** The characters that make Markdown format text instead of showing it. */
  private static final Pattern MARKUP = Pattern.compile("[\\\\`*_\\[\\]<|]");

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public String render(ReportContext context) {
    RunResult result = context.result();
    WindowFigures history = context.figures();
    StringBuilder md = new StringBuilder();
    header(md, result);
    durations(md, result.checks());
    slowest(md, result.checks());
    flaky(md, result.checks());
    degraded(md, result.checks());
    failures(md, result.checks());
    insecure(md, result.checks());
    silenced(md, result.checks());
    if (history != null) {
      HistorySection.render(md, history, result.info().series());
    }
    return md.toString();
  }

  private static void header(StringBuilder md, RunResult result) {
    RunInfo info = result.info();
    md.append("# stagewatch on ")
        .append(text(info.environment()))
        .append(": **")
        .append(result.status())
        .append("**\n\n");
    item(md, "Project", info.project());
    item(md, "Trigger", info.trigger());
    item(md, "Label", info.label());
    md.append("- Run: `")
        .append(info.runId().replace("`", "'"))
        .append("`, started ")
        .append(info.startedAt().truncatedTo(ChronoUnit.SECONDS))
        .append(", took ")
        .append(HumanDuration.format(result.duration()))
        .append("\n\n");
    counts(md, result.counts(), result.checks().stream().filter(CheckResult::degraded).count());
  }

  private static void counts(StringBuilder md, Counts c, long degraded) {
    md.append(
        String.format(
            "**%d/%d passed (%s%%)**: %d passed, %d flaky, %d failed, %d %s, %d skipped%s.\n\n",
            c.passed() + c.flaky(),
            c.executed(),
            PassRate.percent(c),
            c.passed(),
            c.flaky(),
            c.failed(),
            c.error(),
            c.error() == 1 ? "error" : "errors",
            c.skipped(),
            degraded == 0 ? "" : "; " + degraded + " degraded"));
  }

  private static void item(StringBuilder md, String name, @Nullable String value) {
    if (value != null) {
      md.append("- ").append(name).append(": ").append(text(value)).append('\n');
    }
  }

  private static void durations(StringBuilder md, List<CheckResult> checks) {
    Percentiles p = Percentiles.of(executed(checks).stream().map(CheckResult::durationMs).toList());
    if (!p.isEmpty()) {
      md.append("Check duration: p50 ")
          .append(HumanDuration.format(p.at(50)))
          .append(", p95 ")
          .append(HumanDuration.format(p.at(95)))
          .append(".\n");
    }
  }

  private static void slowest(StringBuilder md, List<CheckResult> checks) {
    List<CheckResult> slowest =
        executed(checks).stream()
            .sorted(Comparator.comparingLong(CheckResult::durationMs).reversed())
            .limit(SLOWEST)
            .toList();
    if (slowest.isEmpty()) {
      return;
    }
    md.append("\n## Slowest checks\n\n| Check | Status | Duration |\n| --- | --- | --- |\n");
    for (CheckResult check : slowest) {
      row(md, text(check.id()), check.status().name(), HumanDuration.format(check.durationMs()));
    }
  }

  private static void flaky(StringBuilder md, List<CheckResult> checks) {
    List<CheckResult> flaky = withStatus(checks, CheckStatus.FLAKY);
    if (flaky.isEmpty()) {
      return;
    }
    md.append("\n## Flaky\n\n| Check | Attempts |\n| --- | --- |\n");
    for (CheckResult check : flaky) {
      row(md, text(check.id()), Integer.toString(check.attempts()));
    }
  }

  /** Checks that passed, but slower than their degradedResponseTime, and how slow they were. */
  private static void degraded(StringBuilder md, List<CheckResult> checks) {
    List<CheckResult> degraded = checks.stream().filter(CheckResult::degraded).toList();
    if (degraded.isEmpty()) {
      return;
    }
    md.append(
        "\n## Degraded (passed, but slow)\n\n| Check | Duration | Why |\n| --- | --- | --- |\n");
    for (CheckResult check : degraded) {
      String message = check.message();
      String why = message == null ? "(no message)" : cut(text(message));
      row(md, text(check.id()), HumanDuration.format(check.durationMs()), why);
    }
  }

  private static void failures(StringBuilder md, List<CheckResult> checks) {
    List<CheckResult> failures = checks.stream().filter(c -> c.status().isFailure()).toList();
    if (failures.isEmpty()) {
      return;
    }
    md.append("\n## Failures\n\n| Check | Status | Reason |\n| --- | --- | --- |\n");
    for (CheckResult check : failures) {
      String message = check.message();
      String reason = message == null ? "(no message)" : cut(text(message));
      row(md, text(check.id()), check.status().name(), reason);
    }
  }

  private static void insecure(StringBuilder md, List<CheckResult> checks) {
    List<CheckResult> insecure =
        checks.stream().filter(c -> c.flags().contains(INSECURE_FLAG)).toList();
    if (insecure.isEmpty()) {
      return;
    }
    md.append("\n## Insecure (TLS not verified)\n\n");
    for (CheckResult check : insecure) {
      md.append("- ").append(text(check.id())).append('\n');
    }
  }

  private static void silenced(StringBuilder md, List<CheckResult> checks) {
    List<CheckResult> silenced = checks.stream().filter(CheckResult::silenced).toList();
    if (silenced.isEmpty()) {
      return;
    }
    md.append(
        "\n## Silenced (no notifications sent)\n\n| Check | Status | Why |\n| --- | --- | --- |\n");
    for (CheckResult check : silenced) {
      row(
          md,
          text(check.id()),
          check.status().name(),
          text(java.util.Objects.requireNonNull(check.silenceReason())));
    }
  }

  private static List<CheckResult> executed(List<CheckResult> checks) {
    return checks.stream().filter(c -> c.status() != CheckStatus.SKIPPED).toList();
  }

  private static List<CheckResult> withStatus(List<CheckResult> checks, CheckStatus status) {
    return checks.stream().filter(c -> c.status() == status).toList();
  }

  private static void row(StringBuilder md, String... cells) {
    md.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  /**
   * Text from checks on one line, safe inside a table cell: a line break would end the row, a pipe
   * would start a new cell, and {@code <html>} in a message would be taken for markup and vanish.
   * Other control characters have no business in a note for people.
   */
  static String text(String raw) {
    String oneLine = raw.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "");
    return MARKUP.matcher(oneLine).replaceAll("\\\\$0");
  }

  /** Keeps long reasons from swamping the table; the full text is in junit.xml and result.json. */
  static String cut(String reason) {
    if (reason.length() <= REASON_LIMIT) {
      return reason;
    }
    int end = REASON_LIMIT;
    if (Character.isHighSurrogate(reason.charAt(end - 1))) {
      end--;
    }
    return reason.substring(0, end) + "...";
  }
}
