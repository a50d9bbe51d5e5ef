package io.stagewatch.cli;

import io.stagewatch.config.ScheduleConfig;
import io.stagewatch.run.RunOptions;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Which checks a command works on: tags, suites, extra Java suites. */
final class SelectionOptions {
  private final OptionSpec tags =
      CommandSpecs.valued(
              String.class,
              "EXPR",
              "JUnit Platform tag expression, e.g. 'smoke & !slow' or 'health | api'. Applies to"
                  + " YAML and Java suites.",
              "-t",
              "--tags")
          .build();

  private final OptionSpec suites =
      CommandSpecs.repeatable(
              String.class,
              "NAME",
              "Run only this suite (a YAML suite's name or a Java suite's class name). Repeatable.",
              "-s",
              "--suite")
          .build();

  private final OptionSpec classpath =
      CommandSpecs.repeatable(
              Path.class,
              "PATH",
              "Extra jars or directories with Java suites (JUnit Jupiter classes).",
              "--classpath")
          .splitRegex("${sys:path.separator}")
          .build();

  SelectionOptions(CommandSpec command) {
    command.addOption(tags).addOption(suites).addOption(classpath);
  }

  /** Whether {@code -t} or {@code -s} was given. */
  boolean narrowed() {
    List<String> suites = this.suites.getValue();
    return tags.getValue() != null || (suites != null && !suites.isEmpty());
  }

  /**
   * The options of a run of {@code schedule}'s selection: its suites and tags, which {@code -t} and
   * {@code -s} may not change (the run would not be of the schedule's series).
   */
  RunOptions runOptions(
      ScheduleConfig schedule,
      int parallel,
      boolean failFast,
      String trigger,
      @Nullable String label) {
    List<String> scheduled = schedule.suites().contains("*") ? List.of() : schedule.suites();
    return new RunOptions(
        schedule.tags(), scheduled, parallel, failFast, classpath.getValue(), trigger, label);
  }

  RunOptions runOptions(int parallel, boolean failFast, String trigger, @Nullable String label) {
    return new RunOptions(
        tags.getValue(),
        suites.getValue(),
        parallel,
        failFast,
        classpath.getValue(),
        trigger,
        label);
  }
}
