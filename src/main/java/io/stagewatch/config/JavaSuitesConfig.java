package io.stagewatch.config;

import io.stagewatch.config.YamlNode.YamlList;
import io.stagewatch.config.YamlNode.YamlScalar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code javaSuites:}: Java suites that are not compiled into the jar.
 *
 * @param classpath jars and folders of compiled JUnit Jupiter classes, resolved against the project
 *     folder; every run, {@code validate} and {@code list} take them in, as with {@code
 *     --classpath}
 */
public record JavaSuitesConfig(List<Path> classpath) {
  public static final JavaSuitesConfig DEFAULT = new JavaSuitesConfig(List.of());

  public JavaSuitesConfig {
    classpath = List.copyOf(classpath);
  }

  /** Reads the section; each entry must be a folder or a jar that exists. */
  static JavaSuitesConfig read(MapReader r, Path projectFolder) {
    YamlNode node = r.node("classpath");
    r.finish();
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      return DEFAULT;
    }
    String key = r.keyPath("classpath");
    List<YamlNode> items = node instanceof YamlList list ? list.items() : List.of(node);
    List<Path> classpath = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      YamlNode item = items.get(i);
      String entry = r.text(item, key + "[" + i + "]");
      if (entry == null) {
        continue;
      }
      Path path = projectFolder.resolve(entry).normalize();
      String problem = problem(path);
      if (problem != null) {
        r.problems().add(item.location(), key + "[" + i + "]", problem);
      } else {
        classpath.add(path);
      }
    }
    return new JavaSuitesConfig(classpath);
  }

  private static @Nullable String problem(Path path) {
    if (Files.isDirectory(path)) {
      return null;
    }
    if (!Files.exists(path)) {
      return "not found: " + path + " (a path here is relative to the project folder)";
    }
    String name = path.getFileName().toString();
    return name.endsWith(".jar") || name.endsWith(".zip")
        ? null
        : "expected a jar or a folder of compiled classes: " + path;
  }
}
