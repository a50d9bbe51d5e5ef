package io.stagewatch.run;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Tags;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;

/**
 * Whether a run's tag expression can select any Java suite test at all. When it cannot (a run of
 * {@code -t health} against YAML suites, say), the run leaves the Jupiter engine out: starting it
 * costs tens of milliseconds, a large part of a one-check run. The answer errs towards yes: Java
 * suites from {@code --classpath} are not looked into, and a suite with nested classes counts as
 * selectable.
 */
final class JavaSuiteSelection {
  private JavaSuiteSelection() {}

  static boolean anySelectable(
      List<Class<?>> shipped, List<Path> classpath, @Nullable String tags) {
    if (!classpath.isEmpty()) {
      return true;
    }
    if (tags == null) {
      return !shipped.isEmpty();
    }
    PostDiscoveryFilter filter = TagFilter.includeTags(tags);
    for (Class<?> suite : shipped) {
      if (hasNestedClasses(suite)) {
        return true;
      }
      Set<String> suiteTags = tagsOf(suite);
      for (Method test : tests(suite)) {
        Set<String> testTags = new HashSet<>(suiteTags);
        testTags.addAll(tagsOf(test));
        if (filter.apply(new Probe(testTags)).included()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The test methods of a suite, its superclasses' and its interfaces' included: every Jupiter test
   * annotation ({@code @Test}, {@code @ParameterizedTest}, ...) is marked {@code @Testable}.
   */
  private static List<Method> tests(Class<?> suite) {
    List<Method> tests = new ArrayList<>();
    Set<Class<?>> types = new LinkedHashSet<>();
    for (Class<?> c = suite; c != null && c != Object.class; c = c.getSuperclass()) {
      types.add(c);
      types.addAll(List.of(c.getInterfaces()));
    }
    for (Class<?> type : types) {
      for (Method method : type.getDeclaredMethods()) {
        if (marked(method, Testable.class, new HashSet<>())) {
          tests.add(method);
        }
      }
    }
    return tests;
  }

  private static boolean hasNestedClasses(Class<?> suite) {
    for (Class<?> inner : suite.getDeclaredClasses()) {
      if (marked(inner, Nested.class, new HashSet<>())) {
        return true;
      }
    }
    return false;
  }

  /** Whether an element carries {@code marker}, directly or through its annotations. */
  private static boolean marked(
      AnnotatedElement element,
      Class<? extends Annotation> marker,
      Set<Class<? extends Annotation>> seen) {
    for (Annotation annotation : element.getAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type == marker || (seen.add(type) && marked(type, marker, seen))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The tags on an element, including those of annotations that carry {@code @Tag} themselves, at
   * any depth. Plain reflection: the platform's annotation search does the same, but its first use
   * costs more than the engine start this class is there to save.
   */
  private static Set<String> tagsOf(AnnotatedElement element) {
    Set<String> tags = new HashSet<>();
    collectTags(element, tags, new HashSet<>());
    return tags;
  }

  private static void collectTags(
      AnnotatedElement element, Set<String> tags, Set<Class<? extends Annotation>> seen) {
    for (Annotation annotation : element.getAnnotations()) {
      if (annotation instanceof Tag tag) {
        tags.add(tag.value().strip());
      } else if (annotation instanceof Tags several) {
        for (Tag tag : several.value()) {
          tags.add(tag.value().strip());
        }
      } else if (seen.add(annotation.annotationType())) {
        collectTags(annotation.annotationType(), tags, seen);
      }
    }
  }

  /** A test with the given tags, for the platform's own tag filter to judge. */
  private static final class Probe extends AbstractTestDescriptor {
    private final Set<TestTag> tags = new HashSet<>();

    Probe(Set<String> names) {
      super(UniqueId.forEngine("probe"), "probe");
      for (String name : names) {
        if (TestTag.isValid(name)) {
          tags.add(TestTag.create(name));
        }
      }
    }

    @Override
    public Type getType() {
      return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
      return tags;
    }
  }
}
