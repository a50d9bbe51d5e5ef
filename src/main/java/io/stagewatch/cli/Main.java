package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** The entry point: {@code java -jar stagewatch.jar <command> [options]}. */
public final class Main {
  /**
   * The platform logs discovery notes through java.util.logging; users read our lines only. Held in
   * a field because java.util.logging forgets the level of a logger nobody references.
   */
  private static final Logger PLATFORM_LOG = Logger.getLogger("org.junit");

  private Main() {}

  public static void main(String[] args) {
    PLATFORM_LOG.setLevel(Level.WARNING);
    System.exit(execute(args, System.getenv(), System.out, System.err));
  }

  /**
   * Runs one command and returns its exit code; the process entry point and the tests both come
   * through here.
   */
  public static int execute(
      String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    StagewatchCommand root = new StagewatchCommand(environment, out, err);
    CommandLine cli = new CommandLine(root);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> handle(exception, err));
    return cli.execute(args);
  }

  /** Maps what a command throws to an exit code, printing it without a stack trace. */
  static int handle(Exception exception, PrintStream err) {
    if (exception instanceof ConfigException config) {
      int n = config.problems().size();
      err.println("stagewatch: " + n + (n == 1 ? " problem" : " problems") + ", nothing was run:");
      for (ConfigProblem problem : config.problems()) {
        err.println("  " + problem);
      }
      return ExitCodes.USAGE;
    }
    err.println("stagewatch: internal error: " + exception);
    if (System.getenv("STAGEWATCH_DEBUG") != null) {
      exception.printStackTrace(err);
    } else {
      err.println("  (set STAGEWATCH_DEBUG=1 to see the stack trace)");
    }
    return ExitCodes.INTERNAL;
  }
}
