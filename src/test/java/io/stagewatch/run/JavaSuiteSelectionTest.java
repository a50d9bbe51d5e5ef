package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JavaSuiteSelectionTest {
  /** Two tests: one tagged smoke (by its class), one smoke and slow. */
  static final List<Set<String>> SMOKE_SUITE = List.of(Set.of("smoke"), Set.of("smoke", "slow"));

  static boolean selectable(@Nullable String tags, List<Set<String>> testTags) {
    return JavaSuiteSelection.anySelectable(
        testTags, List.of(), tags == null ? null : new TagSelection(tags));
  }

  @Test
  void eachTestIsJudgedByAllOfItsTags() {
    assertThat(selectable("smoke", SMOKE_SUITE)).isTrue();
    assertThat(selectable("slow", SMOKE_SUITE)).isTrue();
    assertThat(selectable("smoke & !slow", SMOKE_SUITE)).isTrue();
    assertThat(selectable("slow & !smoke", SMOKE_SUITE)).isFalse();
    assertThat(selectable("health", SMOKE_SUITE)).isFalse();
    assertThat(selectable("!smoke", SMOKE_SUITE)).isFalse();
    assertThat(selectable("!health", SMOKE_SUITE)).isTrue();
  }

  @Test
  void withoutATagExpressionAnyTestIsSelectable() {
    assertThat(selectable(null, SMOKE_SUITE)).isTrue();
    assertThat(selectable(null, List.of())).isFalse();
  }

  @Test
  void suitesOnAnExtraClassPathAreNotLookedIntoSoTheyCount() {
    assertThat(
            JavaSuiteSelection.anySelectable(
                SMOKE_SUITE, List.of(Path.of("suites.jar")), new TagSelection("health")))
        .isTrue();
  }
}
