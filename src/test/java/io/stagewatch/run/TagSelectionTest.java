package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.launcher.TagFilter;

class TagSelectionTest {

  @Test
  void judgesEveryTestAsThePlatformsTagFilterDoes() {
    String expression = "smoke & !slow | db";
    TagSelection selection = new TagSelection(expression);
    TagProbe[] tests = {
      new TagProbe(Set.of("smoke")),
      new TagProbe(Set.of("smoke", "slow")),
      new TagProbe(Set.of("db", "slow")),
      new TagProbe(Set.of()),
      new TagProbe(Set.of("smoke")),
      new TagProbe(Set.of("slow", "smoke")),
    };

    for (int i = 0; i < tests.length; i++) {
      FilterResult expected = TagFilter.includeTags(expression).apply(tests[i]);
      FilterResult actual = selection.apply(tests[i]);
      assertThat(actual.included()).as("test %d", i).isEqualTo(expected.included());
      assertThat(actual.getReason()).as("test %d", i).isEqualTo(expected.getReason());
    }
    assertThat(selection.apply(tests[0]).included()).isTrue();
    assertThat(selection.apply(tests[1]).included()).isFalse();
    assertThat(selection.apply(tests[2]).included()).isTrue();
    assertThat(selection.apply(tests[3]).included()).isFalse();
  }
}
