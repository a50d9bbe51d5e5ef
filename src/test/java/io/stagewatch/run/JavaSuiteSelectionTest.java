package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaSuiteSelectionTest {
  @Tag("smoke")
  static class SmokeSuite {
    @Test
    void plain() {}

    @Tag("slow")
    @ParameterizedTest
    @ValueSource(ints = 1)
    void slow(int n) {}
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Tag("nightly")
  @interface Nightly {}

  static class MetaTagged {
    @Nightly
    @Test
    void nightly() {}
  }

  interface InheritedTests {
    @Tag("contract")
    @Test
    default void fromAnInterface() {}
  }

  abstract static class BaseSuite {
    @Tag("base")
    @Test
    void fromASuperclass() {}
  }

  static class Subclass extends BaseSuite implements InheritedTests {}

  static class WithNested {
    @Nested
    class Inner {
      @Test
      void inner() {}
    }
  }

  static boolean selectable(String tags, Class<?>... suites) {
    return JavaSuiteSelection.anySelectable(List.of(suites), List.of(), tags);
  }

  @Test
  void theTagsOfTheClassAndOfEachTestAreJudgedTogether() {
    assertThat(selectable("smoke", SmokeSuite.class)).isTrue();
    assertThat(selectable("slow", SmokeSuite.class)).isTrue();
    assertThat(selectable("smoke & !slow", SmokeSuite.class)).isTrue();
    assertThat(selectable("slow & !smoke", SmokeSuite.class)).isFalse();
    assertThat(selectable("health", SmokeSuite.class)).isFalse();
  }

  @Test
  void tagsCarriedByAnAnnotationCount() {
    assertThat(selectable("nightly", MetaTagged.class)).isTrue();
    assertThat(selectable("smoke", MetaTagged.class)).isFalse();
  }

  @Test
  void testsOfSuperclassesAndInterfacesCount() {
    assertThat(selectable("base", Subclass.class)).isTrue();
    assertThat(selectable("contract", Subclass.class)).isTrue();
    assertThat(selectable("health", Subclass.class)).isFalse();
  }

  @Test
  void withoutATagExpressionAnySuiteIsSelectable() {
    assertThat(selectable(null, SmokeSuite.class)).isTrue();
    assertThat(selectable(null)).isFalse();
  }

  @Test
  void nestedClassesAndExtraClassPathsAreAlwaysLookedInto() {
    assertThat(selectable("health", WithNested.class)).isTrue();
    assertThat(
            JavaSuiteSelection.anySelectable(
                List.of(SmokeSuite.class), List.of(Path.of("suites.jar")), "health"))
        .isTrue();
  }
}
