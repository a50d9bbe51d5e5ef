package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagewatch.check.http.StatusExpectation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestTag;

/**
 * The schemas' patterns accept a written value exactly when the loader's own parser does: each
 * value is given as YAML, so that {@code 200} is a number and {@code "200"} a text, and the parser
 * gets the text the loader would read.
 */
class SchemaPatternsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "500ms",
        "10s",
        "5m",
        "24h",
        "2d",
        "' 10s '",
        "10 s",
        "0s",
        "007s",
        "10",
        "10 seconds",
        "1.5s",
        "-1s",
        "s",
        "10S",
        "10sec",
        "''"
      })
  void aDurationIsWhatDurationsParse(String yaml) {
    assertSameJudgement(
        JsonSchemas.CONFIG, "/$defs/duration", yaml, text -> Durations.parse(text) != null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "200", "'200'", "599", "100", "99", "600", "'2xx'", "2XX", "' 5xx '", "6xx", "2xxx", "xx",
        "200 OK", "'20'", "'0200'"
      })
  void aStatusIsWhatTheHttpCheckParses(String yaml) {
    assertSameJudgement(
        JsonSchemas.SUITE,
        "/$defs/status",
        yaml,
        text -> StatusExpectation.parse(List.of(text)) != null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "smoke",
        "smoke-2",
        "a.b_c",
        "S1",
        "7",
        "nightly smoke",
        "-smoke",
        "_smoke",
        "adhoc",
        "smöke",
        "''"
      })
  void aScheduleNameIsWhatTheScheduleTakes(String yaml) {
    assertSameJudgement(
        JsonSchemas.CONFIG,
        "/$defs/schedule/properties/name",
        yaml,
        text ->
            ScheduleConfig.NAME.matcher(text).matches() && !ScheduleConfig.RESERVED.contains(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "smoke",
        "api-v2",
        "db.read",
        "2024",
        "true",
        "smoke test",
        "a,b",
        "(x)",
        "a&b",
        "a|b",
        "'!slow'",
        "' padded '",
        "''",
        "\"tab\\there\""
      })
  void aTagIsWhatTheJUnitPlatformTakes(String yaml) {
    assertSameJudgement(JsonSchemas.SUITE, "/$defs/tag", yaml, TestTag::isValid);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://staging.example.com",
        "http://localhost:8080/api",
        "HTTPS://staging.example.com",
        "' https://staging.example.com '",
        "https://staging.example.com/a?b=c#d",
        "https://user:pw@staging.example.com",
        "ftp://staging.example.com",
        "/api",
        "staging.example.com",
        "https://",
        "https:///path",
        "'https://staging.example.com/a b'"
      })
  void aBaseUrlIsWhatTheEnvironmentTakes(String yaml) {
    assertSameJudgement(
        JsonSchemas.CONFIG,
        "/$defs/httpUrl",
        yaml,
        text -> EnvironmentConfig.parseBaseUrl(text) != null);
  }

  private interface Parser {
    boolean takes(String text);
  }

  private static void assertSameJudgement(
      String schema, String pointer, String yaml, Parser parser) {
    JsonNode value = JsonSchemas.read(yaml);
    boolean schemaTakes = JsonSchemas.errors(JsonSchemas.schema(schema, pointer), value).isEmpty();
    assertThat(schemaTakes).as("the schema takes " + yaml).isEqualTo(parser.takes(value.asText()));
  }
}
