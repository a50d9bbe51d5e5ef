package io.stagewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mvnw} on a machine whose default java is 17: the build runs on a JDK 21+ it finds
 * itself, or stops at once with one line that says what to install.
 */
class BuildJdkTest {
  static final Path WRAPPER = Path.of("mvnw").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void mavenRunsOnAJdk21FoundInTheInstallFolders() throws Exception {
    JdkFolders jdks = JdkFolders.in(dir);

    Result result = wrapper(jdks, jdks.installs(), "-v");

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("Java version: " + Runtime.version().feature())
        .contains("runtime: " + jdks.current().toRealPath())
        .doesNotContain("the JDK 17 was started");
  }

  @Test
  void withNoJdk21TheBuildStopsWithOneLineSayingWhatToInstall() throws Exception {
    JdkFolders jdks = JdkFolders.in(dir);

    Result result = wrapper(jdks, dir.resolve("empty"), "-v");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output().lines().toList())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("needs a JDK 21 or newer to build", "install one", "JAVA_HOME");
  }

  private static Result wrapper(JdkFolders jdks, Path searched, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add(WRAPPER.toString());
    builder.command().addAll(List.of(args));
    Map<String, @Nullable String> env = new HashMap<>(builder.environment());
    env.keySet().removeIf(k -> k.startsWith("STAGEWATCH_") || k.startsWith("MAVEN_"));
    jdks.applyTo(env, searched);
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
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  record Result(int exit, String output) {}
}
