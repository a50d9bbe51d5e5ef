package io.stagewatch.report;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Counts;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunListener;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.RunStatus;
import io.stagewatch.text.HumanDuration;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Live progress on the terminal: one line per finished check and a summary at the end. Checks
 * finish on several threads; every print holds the lock of this reporter so that the lines of one
 * check (its status line and message) are never interleaved with another's.
 */
public final class ConsoleReporter implements RunListener {
  private static final int MESSAGE_LINES = 10;
  private static final String MESSAGE_INDENT = "       ";
  private static final String INSECURE_FLAG = "insecure";

  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RED = "\u001b[31m";
  private static final String GREY = "\u001b[90m";
  private static final String RESET = "\u001b[0m";

  private final PrintStream out;
  private final boolean color;

  /**
   * Each reason printed so far, with the check it was printed under: a reason that many checks
   * share (an OAuth2 token that could not be had, say) is printed once, the later checks name the
   * first. Guarded by this reporter's lock.
   */
  private final Map<String, String> reasonsShown = new HashMap<>();

  public ConsoleReporter(PrintStream out, boolean color) {
    this.out = out;
    this.color = color;
  }

  /**
   * Whether to colour output: only on a terminal, and not when the user opted out with {@code
   * NO_COLOR} (see no-color.org) or the terminal says it cannot show colours ({@code TERM=dumb}).
   */
  public static boolean colorWanted(Map<String, String> env) {
    return colorWanted(env, terminalAttached());
  }

  static boolean colorWanted(Map<String, String> env, boolean terminal) {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  /**
   * From Java 22, {@link System#console()} returns a console even when output is redirected, and
   * {@code Console.isTerminal()} tells the two apart. The build targets Java 21, where that method
   * does not exist, so it is looked up at run time.
   */
  private static boolean terminalAttached() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (IllegalAccessException | InvocationTargetException e) {
      return false;
    }
  }

  @Override
  public void runStarted(RunInfo info, int plannedChecks) {
    synchronized (this) {
      out.println(
          "Running "
              + plannedChecks
              + (plannedChecks == 1 ? " check" : " checks")
              + " against "
              + info.environment()
              + " (run "
              + info.runId()
              + ")");
      out.flush();
    }
  }

  @Override
  public void checkFinished(CheckResult check) {
    String line = checkLine(check);
    String reason = messageLines(check);
    synchronized (this) {
      String first = reason.isEmpty() ? null : reasonsShown.putIfAbsent(reason, check.id());
      String text =
          line + (first == null ? reason : MESSAGE_INDENT + "(the same reason as " + first + ")\n");
      out.print(text);
      out.flush();
    }
  }

  @Override
  public void runFinished(RunResult result) {
    String line = summaryLine(result);
    synchronized (this) {
      out.println(line);
      out.flush();
    }
  }

  private String checkLine(CheckResult check) {
    StringBuilder line = new StringBuilder();
    line.append(paint(colorOf(check.status()), word(check.status())))
        .append("  ")
        .append(printable(check.id()))
        .append("  ")
        .append(HumanDuration.format(check.durationMs()));
    if (check.attempts() > 1) {
      line.append(", ").append(check.attempts()).append(" attempts");
    }
    if (check.flags().contains(INSECURE_FLAG)) {
      line.append("  ").append(paint(YELLOW, "[insecure]"));
    }
    if (check.degraded()) {
      line.append("  ").append(paint(YELLOW, "[degraded]"));
    }
    String silence = check.silenceReason();
    if (silence != null) {
      line.append("  ").append(paint(GREY, "[silenced: " + printable(silence) + "]"));
    }
    return line.append('\n').toString();
  }

  /** The reason under a failed check, kept short: the full text is in the report files. */
  private static String messageLines(CheckResult check) {
    String message = check.message();
    if (!check.status().isFailure() || message == null || message.isBlank()) {
      return "";
    }
    List<String> lines = message.strip().lines().toList();
    StringBuilder text = new StringBuilder();
    for (String line : lines.subList(0, Math.min(lines.size(), MESSAGE_LINES))) {
      text.append(MESSAGE_INDENT).append(printable(line.stripTrailing())).append('\n');
    }
    if (lines.size() > MESSAGE_LINES) {
      int more = lines.size() - MESSAGE_LINES;
      text.append(MESSAGE_INDENT)
          .append("... ")
          .append(more)
          .append(more == 1 ? " more line\n" : " more lines\n");
    }
    return text.toString();
  }

  private String summaryLine(RunResult result) {
    Counts c = result.counts();
    String line =
        String.format(
            "%d %s: %d passed, %d flaky, %d failed, %d %s, %d skipped in %s - %s",
            c.total(),
            c.total() == 1 ? "check" : "checks",
            c.passed(),
            c.flaky(),
            c.failed(),
            c.error(),
            c.error() == 1 ? "error" : "errors",
            c.skipped(),
            HumanDuration.format(result.duration()),
            result.status());
    // Only when there are any, and at the end, so that scripts reading the counts keep working.
    long degraded = result.checks().stream().filter(CheckResult::degraded).count();
    String suffix = degraded == 0 ? "" : " (" + degraded + " degraded)";
    return paint(result.status() == RunStatus.PASSED ? GREEN : RED, line + suffix);
  }

  /**
   * Drops control characters other than tab: an escape sequence inside a check's message could
   * otherwise recolour or rewrite the user's terminal. A loop rather than a regular expression:
   * this runs for every check line, and most lines have nothing to drop.
   */
  private static String printable(String text) {
    StringBuilder kept = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\t') || c == 0x7F;
      if (control && kept == null) {
        kept = new StringBuilder(text.length()).append(text, 0, i);
      } else if (!control && kept != null) {
        kept.append(c);
      }
    }
    return kept == null ? text : kept.toString();
  }

  /** The status word, padded to the width of the longest so that the check ids line up. */
  private static String word(CheckStatus status) {
    return switch (status) {
      case PASSED -> "PASS ";
      case FLAKY -> "FLAKY";
      case FAILED -> "FAIL ";
      case ERROR -> "ERROR";
      case SKIPPED -> "SKIP ";
    };
  }

  private static String colorOf(CheckStatus status) {
    return switch (status) {
      case PASSED -> GREEN;
      case FLAKY -> YELLOW;
      case FAILED, ERROR -> RED;
      case SKIPPED -> GREY;
    };
  }

  private String paint(String ansi, String text) {
    return color ? ansi + text + RESET : text;
  }
}
