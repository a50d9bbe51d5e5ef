package io.stagewatch.suite;

import io.stagewatch.config.Location;
import io.stagewatch.config.Problems;
import io.stagewatch.config.YamlFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The text of one suite file and the name messages give it. */
public record SuiteSource(String fileName, String text) {

  /**
   * Every {@code *.yaml} and {@code *.yml} file directly in {@code dir}, by name, but the config
   * file: a config may sit in its own suites folder ({@code suites: .}), and is no suite. A file
   * that cannot be read, is too big or is not UTF-8 is a problem of its own and left out, so that
   * the other files' problems are reported with it.
   *
   * @throws IOException when the directory cannot be listed
   */
  public static List<SuiteSource> fromDirectory(Path dir, Path configFile, Problems problems)
      throws IOException {
    List<SuiteSource> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file)
            && (name.endsWith(".yaml") || name.endsWith(".yml"))
            && !sameFile(file, configFile)) {
          String text = read(file, problems);
          if (text != null) {
            sources.add(new SuiteSource(file.toString(), text));
          }
        }
      }
    }
    return sources;
  }

  private static @Nullable String read(Path file, Problems problems) {
    try {
      return YamlFile.read(file, "suite", problems);
    } catch (IOException e) {
      problems.add(Location.ofFile(file.toString()), "", "cannot be read: " + e);
      return null;
    }
  }

  /** By the file itself, so that a link to the config or a path spelt otherwise is left out too. */
  private static boolean sameFile(Path file, Path configFile) {
    try {
      return Files.isSameFile(file, configFile);
    } catch (IOException e) {
      // The config cannot be read: it is reported as such, and this file is read as a suite.
      return false;
    }
  }

  /** Suite files shipped inside the jar. */
  public static List<SuiteSource> fromClasspath(String folder, List<String> names)
      throws IOException {
    List<SuiteSource> sources = new ArrayList<>();
    for (String name : names) {
      String resource = folder + "/" + name;
      try (InputStream in = SuiteSource.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("missing from the jar: " + resource);
        }
        sources.add(new SuiteSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    return sources;
  }
}
