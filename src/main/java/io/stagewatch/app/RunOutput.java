package io.stagewatch.app;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Where a run's lines for people go: what went well (a notice sent) and what went wrong (a notice
 * not delivered). The lines are masked already; progress per check goes through a run listener.
 */
public interface RunOutput {

  /** A line about what was done, such as {@code Slack: alert about 2 checks sent.} */
  void info(String line);

  /** A line about trouble, starting {@code stagewatch: }. */
  void problem(String line);

  /** Lines to a console: information on {@code out}, trouble on {@code err}. */
  static RunOutput of(PrintStream out, PrintStream err) {
    return new RunOutput() {
      @Override
      public void info(String line) {
        out.println(line);
      }

      @Override
      public void problem(String line) {
        err.println(line);
      }
    };
  }

  /** Every line to one log. */
  static RunOutput of(Consumer<String> log) {
    return new RunOutput() {
      @Override
      public void info(String line) {
        log.accept(line);
      }

      @Override
      public void problem(String line) {
        log.accept(line);
      }
    };
  }
}
