package io.stagewatch.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Writes the {@link JavaSuiteIndex} of a suites folder once its Java suites are compiled. The build
 * runs it right after compiling ({@code process-classes}), so adding a Java suite is adding a class
 * under {@code suites/java/}, and no list of classes or tags is kept by hand.
 *
 * <p>Each source file names its class by its path (as javac demands of a public class); JUnit
 * Jupiter itself discovers that class's tests and their tags, so the index holds what a run of the
 * class sees. A test whose cases are only known when it runs (parameterized, a test factory) counts
 * as one test with its method's tags, which is what the platform's tag filter judges it by.
 *
 * <pre>{@code java -cp CLASSES io.stagewatch.run.JavaSuiteIndexWriter SUITES_FOLDER OUTPUT_FILE}
 * </pre>
 */
public final class JavaSuiteIndexWriter {
  /** Where the Java suites are in a suites folder. */
  static final String JAVA_FOLDER = "java";

  private JavaSuiteIndexWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: JavaSuiteIndexWriter SUITES_FOLDER OUTPUT_FILE");
    }
    Path output = Path.of(args[1]).toAbsolutePath();
    ClassLoader classes = Thread.currentThread().getContextClassLoader();
    JavaSuiteIndex index =
        index(Path.of(args[0]), classes != null ? classes : ClassLoader.getSystemClassLoader());
    Path folder = output.getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    Files.writeString(output, index.format());
  }

  /**
   * The index of the Java suites under {@code suitesFolder/java}, their classes loaded through
   * {@code classes}.
   *
   * @throws IllegalStateException when a source file's class is not there
   */
  static JavaSuiteIndex index(Path suitesFolder, ClassLoader classes) throws IOException {
    Path root = suitesFolder.resolve(JAVA_FOLDER);
    List<IndexedSuite> suites = new ArrayList<>();
    try (LauncherSession session = LauncherWithoutFlightRecorder.openSession(jupiterOnly())) {
      for (Path source : sources(root)) {
        Class<?> suite = load(suitesFolder, root, source, classes);
        TestPlan plan =
            session
                .getLauncher()
                .discover(
                    LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(suite))
                        .enableImplicitConfigurationParameters(false)
                        .build());
        List<Set<String>> tags = leafTags(plan);
        if (!tags.isEmpty()) {
          suites.add(new IndexedSuite(suite.getName(), slashed(suitesFolder, source), tags));
        }
      }
    }
    return new JavaSuiteIndex(suites);
  }

  /** Every {@code .java} file under {@code root} but package and module descriptions, by path. */
  private static List<Path> sources(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().endsWith(".java"))
          .filter(file -> !file.getFileName().toString().contains("-info."))
          .sorted()
          .toList();
    }
  }

  private static Class<?> load(Path suitesFolder, Path root, Path source, ClassLoader classes) {
    String path = slashed(root, source);
    String name = path.substring(0, path.length() - ".java".length()).replace('/', '.');
    try {
      return Class.forName(name, false, classes);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          suitesFolder.resolve(slashed(suitesFolder, source))
              + ": no class "
              + name
              + " was compiled from it (a Java suite's file is named after its class, in the"
              + " folder of its package)",
          e);
    }
  }

  /**
   * The tags of each test of the plan, and of each test template or factory, whose cases the
   * platform only learns when it runs them.
   */
  private static List<Set<String>> leafTags(TestPlan plan) {
    List<Set<String>> tags = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier node : plan.getDescendants(root)) {
        if (plan.getChildren(node).isEmpty()) {
          tags.add(node.getTags().stream().map(TestTag::getName).collect(Collectors.toSet()));
        }
      }
    }
    return tags;
  }

  private static String slashed(Path folder, Path file) {
    List<String> names = new ArrayList<>();
    folder.relativize(file).forEach(name -> names.add(name.toString()));
    return String.join("/", names);
  }

  private static LauncherConfig jupiterOnly() {
    return LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false)
        .enableTestExecutionListenerAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .enablePostDiscoveryFilterAutoRegistration(false)
        .addTestEngines(new JupiterTestEngine())
        .build();
  }
}
