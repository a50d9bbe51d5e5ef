package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A silencing read later is asked for its rules when a result first needs them, and once. */
class SilencingTest {
  private static CheckResult result(String suite, String name, List<String> tags) {
    return new CheckResult(
        suite + "/" + name, suite, name, tags, CheckStatus.FAILED, 1, 10, "got 500", List.of());
  }

  @Test
  void aSilencingReadLaterAsksItsSourceOnceWhenFirstNeeded() {
    AtomicInteger asked = new AtomicInteger();
    Silencing later =
        Silencing.later(
            () -> {
              asked.incrementAndGet();
              return new Silencing(
                  List.of(new Silencing.Rule("deploy of api", List.of("api"), "smoke")));
            });

    assertThat(asked).as("nothing needed it yet").hasValue(0);
    CheckResult silenced = later.apply(result("api", "health", List.of("smoke")));
    CheckResult otherSuite = later.apply(result("db", "ping", List.of("smoke")));
    CheckResult otherTags = later.apply(result("api", "slow", List.of("nightly")));

    assertThat(asked).hasValue(1);
    assertThat(silenced.silenceReason()).isEqualTo("deploy of api");
    assertThat(otherSuite.silenceReason()).isNull();
    assertThat(otherTags.silenceReason()).isNull();
    assertThat(later.isEmpty()).isFalse();
  }
}
