package io.stagewatch.cli;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.report.GitHubAnnotations;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The entry point: {@code java -jar stagewatch.jar <command> [options]}. */
public final class Main {
  /**
   * The platform logs discovery notes through java.util.logging; users read our lines only. Held in
   * a field because java.util.logging forgets the level of a logger nobody references.
   */
  private static final Logger PLATFORM_LOG = Logger.getLogger("org.junit");

  /**
   * The subcommands in the order {@code --help} lists them. Picocli takes every registered
   * command's spec up front, so a command line that names one builds only that one.
   */
  private static final Map<String, Function<StagewatchCommand, CommandSpec>> SUBCOMMANDS =
      subcommands();

  private Main() {}

  private static Map<String, Function<StagewatchCommand, CommandSpec>> subcommands() {
    Map<String, Function<StagewatchCommand, CommandSpec>> commands = new LinkedHashMap<>();
    commands.put("run", root -> new RunCommand(root).spec);
    commands.put("validate", root -> new ValidateCommand(root).spec);
    commands.put("list", root -> new ListCommand(root).spec);
    commands.put("history", root -> new HistoryCommand(root).spec);
    commands.put("readiness", root -> new ReadinessCommand(root).spec);
    commands.put("demo", root -> new DemoCommand(root).spec);
    commands.put("init", root -> new InitCommand(root).spec);
    commands.put("daemon", root -> new DaemonCommand(root).spec);
    commands.put("silence", root -> new SilenceCommand(root).spec);
    return commands;
  }

  /** Adds the subcommand {@code args} starts with, or all of them when it names none. */
  private static void addSubcommands(CommandLine cli, StagewatchCommand root, String[] args) {
    Function<StagewatchCommand, CommandSpec> named =
        args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
    if (named != null) {
      cli.addSubcommand(named.apply(root));
      return;
    }
    SUBCOMMANDS.values().forEach(command -> cli.addSubcommand(command.apply(root)));
    cli.addSubcommand(new HelpCommand().spec);
  }

  public static void main(String[] args) {
    PLATFORM_LOG.setLevel(Level.WARNING);
    System.exit(execute(args, System.getenv(), System.out, System.err, Clock.systemUTC()));
  }

  /**
   * Runs one command and returns its exit code; the process entry point and the tests both come
   * through here.
   *
   * @param clock where every time the command records or compares comes from (run times, retention,
   *     reminders, lock waits, slots); the process runs on {@link Clock#systemUTC()}
   */
  public static int execute(
      String[] args,
      Map<String, String> environment,
      PrintStream out,
      PrintStream err,
      Clock clock) {
    // Picocli probes for Groovy (on our class path through REST Assured) to support closures in
    // annotations, which we do not use; the probe alone is a large part of a short run's start-up.
    System.setProperty("picocli.disable.closures", "true");
    StagewatchCommand root = new StagewatchCommand(environment, out, err, clock);
    CommandLine cli = new CommandLine(root.spec);
    addSubcommands(cli, root, args);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> handle(exception, out, err, environment));
    return cli.execute(args);
  }

  /** Maps what a command throws to an exit code, printing it without a stack trace. */
  static int handle(
      Exception exception, PrintStream out, PrintStream err, Map<String, String> environment) {
    if (exception instanceof ConfigException config) {
      int n = config.problems().size();
      err.println("stagewatch: " + n + (n == 1 ? " problem" : " problems") + ", nothing was run:");
      for (ConfigProblem problem : config.problems()) {
        err.println("  " + problem);
      }
      // Under GitHub Actions each problem is also marked on its file and line (on stdout, where
      // the runner reads workflow commands).
      GitHubAnnotations.of(environment).forProblems(config.problems()).forEach(out::println);
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
