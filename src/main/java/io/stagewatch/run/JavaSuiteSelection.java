package io.stagewatch.run;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
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
      for (Method test :
          ReflectionSupport.findMethods(
              suite, JavaSuiteSelection::isTest, HierarchyTraversalMode.TOP_DOWN)) {
        Set<String> testTags = new HashSet<>(suiteTags);
        testTags.addAll(tagsOf(test));
        if (filter.apply(new Probe(testTags)).included()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every Jupiter test annotation (@Test, @ParameterizedTest, ...) is marked @Testable. */
  private static boolean isTest(Method method) {
    return AnnotationSupport.isAnnotated(method, Testable.class);
  }

  private static boolean hasNestedClasses(Class<?> suite) {
    for (Class<?> inner : suite.getDeclaredClasses()) {
      if (AnnotationSupport.isAnnotated(inner, Nested.class)) {
        return true;
      }
    }
    return false;
  }

  /** The tags on an element, including those of annotations that carry {@code @Tag} themselves. */
  private static Set<String> tagsOf(AnnotatedElement element) {
    Set<String> tags = new HashSet<>();
    for (Tag tag : AnnotationSupport.findRepeatableAnnotations(element, Tag.class)) {
      tags.add(tag.value().strip());
    }
    return tags;
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
