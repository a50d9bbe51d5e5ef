package io.stagewatch.run;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the user chose for one run.
 *
 * @param tags a JUnit Platform tag expression such as {@code smoke & !slow}; null selects all
 * @param suites suite names to run (YAML suite names, Java suite class names); empty runs all
 * @param classpath extra jars or directories with Java suites
 */
public record RunOptions(
    @Nullable String tags,
    List<String> suites,
    int parallelism,
    boolean failFast,
    List<Path> classpath,
    String trigger,
    @Nullable String label) {
  /** Checks mostly wait on the network, so more run at once than there are cores. */
  public static final int DEFAULT_PARALLELISM = 8;

  public RunOptions {
    suites = List.copyOf(suites);
    classpath = List.copyOf(classpath);
  }

  public static RunOptions defaults() {
    return new RunOptions(null, List.of(), DEFAULT_PARALLELISM, false, List.of(), "manual", null);
  }
}
