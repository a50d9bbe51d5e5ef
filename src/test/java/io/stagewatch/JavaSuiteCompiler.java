package io.stagewatch;

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
import org.junit.jupiter.params.ParameterizedTest;

/** Compiles a user's Java suite from source, as they would, for {@code run --classpath}. */
public final class JavaSuiteCompiler {
  private JavaSuiteCompiler() {}

  /** Compiles one class of package {@code extra} into {@code dir/classes} and returns that. */
  public static Path compile(Path dir, String className, String source) throws Exception {
    Path out = dir.resolve("classes");
    compile(dir.resolve("src"), out, "extra/" + className + ".java", source);
    return out;
  }

  /**
   * Writes {@code source} to {@code sourceRoot/file} and compiles it into {@code classes}, against
   * the JUnit Jupiter API and stagewatch's suite annotations.
   */
  public static void compile(Path sourceRoot, Path classes, String file, String source)
      throws Exception {
    Path src = sourceRoot.resolve(file);
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Files.createDirectories(classes);
    String classpath =
        Stream.of(
                StagewatchSuite.class,
                Test.class,
                Tag.class,
                ParameterizedTest.class,
                org.apiguardian.api.API.class)
            .map(JavaSuiteCompiler::location)
            .distinct()
            .collect(Collectors.joining(File.pathSeparator));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int result =
        javac.run(
            null,
            null,
            null,
            List.of("-d", classes.toString(), "-cp", classpath, src.toString())
                .toArray(new String[0]));
    assertThat(result).as("the suite compiles").isZero();
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
