package io.stagewatch.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.config.StagewatchConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The Java suites a run can select: the jar's own, when the config's suites folder holds their
 * sources (see {@link JavaSuiteIndex}), and those in the jars and folders of the config's {@code
 * javaSuites.classpath} and of {@code --classpath}.
 */
final class JavaSuites {
  private final JavaSuiteIndex shipped;
  private final List<Path> classpath;

  private JavaSuites(JavaSuiteIndex shipped, List<Path> classpath) {
    this.shipped = shipped;
    this.classpath = List.copyOf(classpath);
  }

  /**
   * @throws ConfigException when a {@code --classpath} entry does not exist
   */
  static JavaSuites of(StagewatchConfig config, RunOptions options) throws ConfigException {
    List<ConfigProblem> problems = new ArrayList<>();
    for (Path path : options.classpath()) {
      if (!Files.exists(path)) {
        problems.add(
            new ConfigProblem(
                Location.ofFile("command line"),
                "--classpath",
                "not found: " + path.toAbsolutePath().normalize()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    LinkedHashSet<Path> classpath = new LinkedHashSet<>(config.javaSuites().classpath());
    classpath.addAll(options.classpath());
    return new JavaSuites(
        JavaSuiteIndex.shipped().declaredIn(config.suitesDir()), List.copyOf(classpath));
  }

  /**
   * Whether a test of these suites can pass {@code tags} (null selects all). Suites from the class
   * path are not looked into: with any, the answer is yes.
   */
  boolean anySelectable(@Nullable PostDiscoveryFilter tags) {
    return JavaSuiteSelection.anySelectable(shipped.testTags(), classpath, tags);
  }

  /**
   * The jar's suites by class, since selecting their package would make the platform scan the whole
   * jar, and the class path's roots, which it scans.
   */
  List<DiscoverySelector> selectors() {
    List<DiscoverySelector> selectors = new ArrayList<>();
    shipped.classNames().forEach(name -> selectors.add(selectClass(name)));
    if (!classpath.isEmpty()) {
      selectors.addAll(selectClasspathRoots(new LinkedHashSet<>(classpath)));
    }
    return selectors;
  }

  /** Work that runs with the extra class path visible. */
  interface ClassLoaderWork<T> {
    T call() throws ConfigException;
  }

  /**
   * Runs {@code work} with the suites of the class path visible to the platform, which scans and
   * loads through the thread's context class loader.
   */
  <T> T withClassLoader(ClassLoaderWork<T> work) throws ConfigException {
    if (classpath.isEmpty()) {
      return work.call();
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(urls(classpath), previous)) {
      thread.setContextClassLoader(loader);
      return work.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static URL[] urls(List<Path> paths) {
    List<URL> urls = new ArrayList<>();
    for (Path path : paths) {
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(path.toString(), e);
      }
    }
    return urls.toArray(new URL[0]);
  }
}
