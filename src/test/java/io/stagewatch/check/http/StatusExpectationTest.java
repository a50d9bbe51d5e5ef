package io.stagewatch.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusExpectationTest {

  @ParameterizedTest(name = "{0} accepts {1}: {2}")
  @CsvSource({
    "200, 200, true",
    "200, 201, false",
    "2xx, 204, true",
    "2xx, 301, false",
    "3XX, 308, true",
    "'200,204', 204, true",
    "'200,5xx', 503, true",
    "'200,5xx', 404, false",
  })
  void aStatusIsAcceptedWhenAnyEntryMatches(String written, int status, boolean accepted) {
    StatusExpectation expectation = StatusExpectation.parse(List.of(written.split(",")));

    assertThat(expectation).isNotNull();
    assertThat(expectation.matches(status)).isEqualTo(accepted);
  }

  @Test
  void theAcceptedStatusesAreDescribedAsAChoice() {
    assertThat(StatusExpectation.parse(List.of("200", "204")).describe()).isEqualTo("200 or 204");
  }

  @Test
  void somethingThatIsNeitherACodeNorAClassIsNotAStatus() {
    assertThat(StatusExpectation.parse(List.of("200", "ok"))).isNull();
    assertThat(StatusExpectation.parse(List.of("600"))).isNull();
    assertThat(StatusExpectation.parse(List.of())).isNull();
  }
}
