package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.suite.jupiter.StagewatchSuite;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Compiles a user's Java suite from source, as they would, for {@code run --classpath}. */
final class JavaSuiteCompiler {
  private JavaSuiteCompiler() {}

  /** Compiles one class of package {@code extra} into {@code dir/classes} and returns that. */
  static Path compile(Path dir, String className, String source) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/extra")).resolve(className + ".java");
    Files.writeString(src, source);
    Path out = Files.createDirectories(dir.resolve("classes"));
    String classpath =
        Stream.of(StagewatchSuite.class, Test.class, Tag.class, org.apiguardian.api.API.class)
            .map(JavaSuiteCompiler::location)
            .collect(Collectors.joining(File.pathSeparator));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int result =
        javac.run(
            null,
            null,
            null,
            List.of("-d", out.toString(), "-cp", classpath, src.toString()).toArray(new String[0]));
    assertThat(result).as("the suite compiles").isZero();
    return out;
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
