package io.stagewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/stagewatch}, run for real with {@code sh} on a jar holding {@link LauncherProbe},
 * which prints the JVM options and arguments it was started with.
 */
class LauncherTest {
  static final Path LAUNCHER = Path.of("bin/stagewatch").toAbsolutePath();
  static final int JAVA_MAJOR = Runtime.version().feature();

  @TempDir Path dir;
  Path jar;
  Path cache;

  @BeforeEach
  void probeJar() throws IOException {
    jar = dir.resolve("stagewatch.jar");
    cache = dir.resolve("cache");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry(entry));
      try (var in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
        out.write(in.readAllBytes());
      }
      out.closeEntry();
      out.putNextEntry(new JarEntry("io/stagewatch/cli/Main.class"));
      out.write(probeAsMain());
      out.closeEntry();
    }
  }

  /** The launcher starts the jar at stagewatch's main class: there, the probe is started. */
  private static byte @Nullable [] probeAsMain;

  private static synchronized byte[] probeAsMain() throws IOException {
    if (probeAsMain == null) {
      Path work = Files.createTempDirectory("probe-main");
      try {
        Path source = work.resolve("src/io/stagewatch/cli/Main.java");
        Files.createDirectories(source.getParent());
        Files.writeString(
            source,
            """
            package io.stagewatch.cli;

            public final class Main {
              public static void main(String[] args) {
                io.stagewatch.launcher.LauncherProbe.main(args);
              }
            }
            """);
        String probeClasses =
            Path.of(LauncherProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Path classes = work.resolve("classes");
        int compiled =
            ToolProvider.getSystemJavaCompiler()
                .run(
                    null,
                    null,
                    null,
                    "-cp",
                    probeClasses,
                    "-d",
                    classes.toString(),
                    source.toString());
        assertThat(compiled).as("the probe's main class compiles").isZero();
        probeAsMain = Files.readAllBytes(classes.resolve("io/stagewatch/cli/Main.class"));
      } catch (URISyntaxException e) {
        throw new IOException(e);
      } finally {
        try (Stream<Path> files = Files.walk(work)) {
          for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
    }
    return probeAsMain;
  }

  @Test
  void passesTheArgumentsAndTheExitCodeOnAndStartsTheJvmForAShortRun() throws Exception {
    Result result = launch(Map.of(), "run", "7", "two words");

    assertThat(result.exit()).isEqualTo(7);
    assertThat(result.lines()).contains("arg run", "arg 7", "arg two words");
    assertThat(result.lines())
        .contains("jvm -XX:TieredStopAtLevel=1", "jvm -XX:+UseSerialGC", "jvm -XX:-UsePerfData")
        .contains("java.home " + Path.of(System.getProperty("java.home")));
  }

  @Test
  void theFirstRunRecordsAStartUpCacheThatLaterRunsUse() throws Exception {
    Result first = launch(Map.of(), "run");
    assertThat(first.exit()).isZero();
    if (JAVA_MAJOR >= 25) {
      assertThat(first.lines()).contains("jvm -XX:AOTMode=record");
      // Assembled in the background after the run ends, then moved into place whole.
      await().atMost(Duration.ofSeconds(60)).until(() -> cacheFiles(".aot").size() == 1);
      Result second = launch(Map.of(), "run");
      assertThat(second.lines())
          .contains("jvm -XX:AOTCache=" + cacheFiles(".aot").get(0))
          .noneMatch(line -> line.contains("AOTMode=record"));
      assertThat(Files.list(cache)).as("no recording or half-written cache left").hasSize(1);
    } else {
      assertThat(first.lines()).anyMatch(line -> line.startsWith("jvm -XX:SharedArchiveFile="));
      assertThat(cacheFiles(".jsa")).hasSize(1);
    }
  }

  @Test
  void aCacheShippedBesideTheJarForThisJdkIsUsedFromTheFirstRunWithoutAWord() throws Exception {
    assumeTrue(JAVA_MAJOR >= 25, "the shipped cache is the JDK 25 ahead-of-time cache");
    Path shipped = trainShippedCache(thisJdkBuild());

    Result first = launch(Map.of(), "run");

    assertThat(first.exit()).isZero();
    assertThat(first.lines())
        .contains("jvm -XX:AOTCache=" + shipped)
        .noneMatch(line -> line.contains("AOTMode=record"))
        .as("only the probe's lines: not a word from the JVM")
        .allMatch(LauncherTest::fromTheProbe)
        .anyMatch(line -> line.startsWith("arg run"));
    assertThat(Files.exists(cache) ? cacheFiles("") : List.of()).as("nothing recorded").isEmpty();
  }

  @Test
  void aCacheShippedForAnotherJdkIsLeftAloneAndTheFirstRunRecordsSilently() throws Exception {
    assumeTrue(JAVA_MAJOR >= 25, "the shipped cache is the JDK 25 ahead-of-time cache");
    Path shipped = trainShippedCache("\"25.0.0+1\" \"Another vendor\"");

    Result first = launch(Map.of(), "run");

    assertThat(first.exit()).isZero();
    assertThat(first.lines())
        .noneMatch(line -> line.contains(shipped.toString()))
        .contains("jvm -XX:AOTMode=record")
        .as("only the probe's lines: not a word from the JVM")
        .allMatch(LauncherTest::fromTheProbe);
  }

  /**
   * Trains an ahead-of-time cache on the probe jar as the build does, and names {@code jdkBuild}
   * beside it as the JDK it was made on.
   */
  private Path trainShippedCache(String jdkBuild) throws Exception {
    Path shipped = dir.resolve("stagewatch.aot");
    Process training =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:AOTCacheOutput=" + shipped,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xlog:aot=off",
                "-Xlog:cds=off",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                jar.toString(),
                "io.stagewatch.cli.Main")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(training.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(shipped).isNotEmptyFile();
    Files.writeString(dir.resolve("stagewatch.aot.jdk"), jdkBuild + "\n");
    return shipped;
  }

  private static boolean fromTheProbe(String line) {
    return line.startsWith("jvm ") || line.startsWith("arg ") || line.startsWith("java.home ");
  }

  /** This JDK's build as its release file names it, the way bin/find-jdk reads it. */
  private static String thisJdkBuild() throws IOException {
    Map<String, String> release = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(System.getProperty("java.home"), "release"))) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        release.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return release.get("JAVA_RUNTIME_VERSION") + " " + release.getOrDefault("IMPLEMENTOR", "");
  }

  @Test
  void otherCommandsUseACacheButNeverRecordOne() throws Exception {
    Result result = launch(Map.of(), "validate");

    assertThat(result.exit()).isZero();
    assertThat(result.lines()).noneMatch(line -> line.contains("AOTMode=record"));
    if (JAVA_MAJOR >= 25) {
      assertThat(Files.exists(cache) ? cacheFiles("") : List.of()).isEmpty();
    }
  }

  @Test
  void theDaemonKeepsItsPerformanceDataForJpsAndJstat() throws Exception {
    Result result = launch(Map.of(), "daemon");

    assertThat(result.lines())
        .contains("arg daemon", "jvm -XX:TieredStopAtLevel=1")
        .doesNotContain("jvm -XX:-UsePerfData");
  }

  @Test
  void theCacheCanBeTurnedOffAndJvmOptionsAdded() throws Exception {
    Result result =
        launch(Map.of("STAGEWATCH_CACHE", "off", "STAGEWATCH_JAVA_OPTS", "-Xmx64m"), "run");

    assertThat(result.lines())
        .contains("jvm -Xmx64m")
        .noneMatch(line -> line.contains("AOT") || line.contains("SharedArchiveFile"));
  }

  @Test
  void aMissingJarIsExplainedWithExitThree() throws Exception {
    Files.delete(jar);

    Result result = launch(Map.of(), "run");

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.output()).contains("no stagewatch.jar found").contains("./mvnw");
  }

  @Test
  void findsAJdk21InTheInstallFoldersWhenTheDefaultJavaIsOlder() throws Exception {
    JdkFolders jdks = JdkFolders.in(dir);
    Map<String, @Nullable String> env = new HashMap<>();
    jdks.applyTo(env, jdks.installs());

    Result result = launch(env, "run");

    assertThat(result.exit()).isZero();
    assertThat(result.output()).doesNotContain("the JDK 17 was started");
    assertThat(result.lines())
        .contains("java.home " + jdks.current().toRealPath(), "arg run")
        .contains("jvm -XX:TieredStopAtLevel=1");
  }

  @Test
  void withNoJdk21AnywhereItSaysWhatToInstallAndExitsThree() throws Exception {
    JdkFolders jdks = JdkFolders.in(dir);
    Map<String, @Nullable String> env = new HashMap<>();
    jdks.applyTo(env, dir.resolve("empty"));

    Result result = launch(env, "run");

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.lines())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("needs Java 21 or newer", "install one", "JAVA_HOME");
  }

  private List<Path> cacheFiles(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private Result launch(Map<String, ? extends @Nullable String> extra, String... args)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add("sh");
    builder.command().add(LAUNCHER.toString());
    builder.command().addAll(List.of(args));
    Map<String, @Nullable String> env = new HashMap<>(builder.environment());
    env.keySet().removeIf(k -> k.startsWith("STAGEWATCH_") || k.equals("JAVA_TOOL_OPTIONS"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("STAGEWATCH_JAR", jar.toString());
    env.put("STAGEWATCH_CACHE_DIR", cache.toString());
    env.putAll(extra);
    builder.environment().clear();
    env.forEach(
        (name, value) -> {
          if (value != null) {
            builder.environment().put(name, value);
          }
        });
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  record Result(int exit, String output) {
    List<String> lines() {
      return output.lines().toList();
    }
  }
}
