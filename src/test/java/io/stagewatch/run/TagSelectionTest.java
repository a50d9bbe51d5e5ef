package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TagFilter;

class TagSelectionTest {

  static final class Tagged extends AbstractTestDescriptor {
    private final Set<TestTag> tags;

    Tagged(String id, String... tags) {
      super(UniqueId.forEngine("tags").append("test", id), id);
      this.tags = Set.of(tags).stream().map(TestTag::create).collect(Collectors.toSet());
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

  @Test
  void judgesEveryTestAsThePlatformsTagFilterDoes() {
    String expression = "smoke & !slow | db";
    TagSelection selection = new TagSelection(expression);
    Tagged[] tests = {
      new Tagged("a", "smoke"),
      new Tagged("b", "smoke", "slow"),
      new Tagged("c", "db", "slow"),
      new Tagged("d"),
      new Tagged("e", "smoke"),
      new Tagged("f", "slow", "smoke"),
    };

    for (Tagged test : tests) {
      FilterResult expected = TagFilter.includeTags(expression).apply(test);
      FilterResult actual = selection.apply(test);
      assertThat(actual.included()).as(test.getDisplayName()).isEqualTo(expected.included());
      assertThat(actual.getReason()).as(test.getDisplayName()).isEqualTo(expected.getReason());
    }
    assertThat(selection.apply(tests[0]).included()).isTrue();
    assertThat(selection.apply(tests[1]).included()).isFalse();
    assertThat(selection.apply(tests[2]).included()).isTrue();
    assertThat(selection.apply(tests[3]).included()).isFalse();
  }
}
