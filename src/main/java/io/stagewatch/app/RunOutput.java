package io.stagewatch.app;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Where a run's lines for people go: what went well (a notice sent) and what went wrong (a notice
 * not delivered). The lines are masked already; progress per check goes through a run listener.
 *
 * @param infoLines lines about what was done, such as {@code slack: alert about 2 checks sent.}
 * @param problemLines lines about trouble, each starting {@code stagewatch: }
 */
public record RunOutput(Consumer<String> infoLines, Consumer<String> problemLines) {

  /** Lines to a console: information on {@code out}, trouble on {@code err}. */
  public static RunOutput of(PrintStream out, PrintStream err) {
    return new RunOutput(out::println, err::println);
  }

  /** Every line to one log. */
  public static RunOutput of(Consumer<String> log) {
    return new RunOutput(log, log);
  }

  public void info(String line) {
    infoLines.accept(line);
  }

  public void problem(String line) {
    problemLines.accept(line);
  }
}
