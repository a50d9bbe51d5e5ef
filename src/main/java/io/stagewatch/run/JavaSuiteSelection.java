package io.stagewatch.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Whether a run's tag expression can select any Java suite test at all. When it cannot (a run of
 * {@code -t health} against YAML suites, say), the run leaves the Jupiter engine out: starting it
 * is a large part of a one-check run (CONTRIBUTING, Speed). The jar's suites are judged by the tags
 * of their tests as the build's {@link JavaSuiteIndex} lists them, not by reading their
 * annotations: each annotation type read needs a proxy class made at run time, which costs a run
 * more than the engine start this class is there to save. Java suites from a class path ({@code
 * javaSuites.classpath}, {@code --classpath}) are not looked into: with any, the answer is yes.
 */
final class JavaSuiteSelection {
  private JavaSuiteSelection() {}

  /**
   * @param testTags the tags of each test of the jar's suites, its class's included
   * @param tags the run's tag expression; null selects everything
   */
  static boolean anySelectable(
      List<Set<String>> testTags, List<Path> classpath, @Nullable PostDiscoveryFilter tags) {
    if (!classpath.isEmpty()) {
      return true;
    }
    if (tags == null) {
      return !testTags.isEmpty();
    }
    for (Set<String> test : testTags) {
      if (tags.apply(new TagProbe(test)).included()) {
        return true;
      }
    }
    return false;
  }
}
