package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands are declared with picocli's programmatic API: reading picocli's annotations would
 * cost every start the JDK's annotation proxies, which its AOT cache does not keep.
 */
class CommandsInCodeTest {

  @Test
  void noClassOfTheCommandLineCarriesPicocliAnnotations() throws Exception {
    List<String> annotated = new ArrayList<>();
    for (Class<?> type : commandLineClasses()) {
      List<AnnotatedElement> elements = new ArrayList<>();
      elements.add(type);
      elements.addAll(List.of(type.getDeclaredFields()));
      elements.addAll(List.of(type.getDeclaredMethods()));
      for (AnnotatedElement element : elements) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
          if (annotation.annotationType().getName().startsWith("picocli.")) {
            annotated.add(element + ": @" + annotation.annotationType().getSimpleName());
          }
        }
      }
    }
    assertThat(annotated).isEmpty();
  }

  /** Every class compiled from this package's main sources. */
  private static List<Class<?>> commandLineClasses()
      throws IOException, URISyntaxException, ClassNotFoundException {
    URL main = Objects.requireNonNull(Main.class.getResource("Main.class"));
    Path dir = Path.of(main.toURI()).getParent();
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = file.getFileName().toString().replace(".class", "");
        classes.add(Class.forName(Main.class.getPackageName() + "." + name));
      }
    }
    assertThat(classes).contains(Main.class, RunCommand.class, HelpCommand.class);
    return classes;
  }
}
