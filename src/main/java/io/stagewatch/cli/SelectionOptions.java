package io.stagewatch.cli;

import io.stagewatch.run.RunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Which checks a command works on: tags, suites, extra Java suites. */
final class SelectionOptions {
  @Option(
      names = {"-t", "--tags"},
      paramLabel = "EXPR",
      description =
          "JUnit Platform tag expression, e.g. 'smoke & !slow' or 'health | api'. Applies to YAML"
              + " and Java suites.")
  @Nullable String tags;

  @Option(
      names = {"-s", "--suite"},
      paramLabel = "NAME",
      description =
          "Run only this suite (a YAML suite's name or a Java suite's class name). Repeatable.")
  List<String> suites = new ArrayList<>();

  @Option(
      names = "--classpath",
      paramLabel = "PATH",
      split = "${sys:path.separator}",
      description = "Extra jars or directories with Java suites (JUnit Jupiter classes).")
  List<Path> classpath = new ArrayList<>();

  RunOptions runOptions(int parallel, boolean failFast, String trigger, @Nullable String label) {
    return new RunOptions(tags, suites, parallel, failFast, classpath, trigger, label);
  }
}
