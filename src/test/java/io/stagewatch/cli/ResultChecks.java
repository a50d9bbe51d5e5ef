package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The checks of a {@code result.json}, by name. */
final class ResultChecks {
  private final Map<String, JsonNode> byName = new LinkedHashMap<>();

  ResultChecks(String resultJson) throws Exception {
    new ObjectMapper()
        .readTree(resultJson)
        .get("checks")
        .forEach(c -> byName.put(c.get("name").asText(), c));
  }

  JsonNode get(String name) {
    JsonNode check = byName.get(name);
    assertThat(check).as("check " + name + " in result.json").isNotNull();
    return check;
  }

  String status(String name) {
    return get(name).get("status").asText();
  }

  String message(String name) {
    return get(name).get("message").asText();
  }

  int attempts(String name) {
    return get(name).get("attempts").asInt();
  }
}
