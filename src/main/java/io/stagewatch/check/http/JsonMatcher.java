package io.stagewatch.check.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.stagewatch.check.Quoted;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks JsonPath expectations against a body. Scalars are compared as text, so {@code 42} matches
 * {@code 42} and {@code "42"}, and {@code 1.0} matches {@code 1}; objects and arrays are compared
 * as JSON, so spacing does not matter.
 */
final class JsonMatcher {
  /** Strict, unlike the default parser: a plain-text body must not pass for a JSON string. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static final Configuration CONFIG =
      Configuration.builder()
          .jsonProvider(new JacksonJsonProvider(MAPPER))
          .mappingProvider(new JacksonMappingProvider(MAPPER))
          .build();

  private JsonMatcher() {}

  /** Whether a JsonPath expression is well formed; the reason when not. */
  static @Nullable String invalidPath(String path) {
    try {
      JsonPath.compile(path);
      return null;
    } catch (RuntimeException e) {
      return "not a valid JsonPath: " + Objects.requireNonNullElse(e.getMessage(), path);
    }
  }

  /**
   * The first value a JsonPath finds in a body, as text (a string as it is, an object or array as
   * JSON); null when it finds nothing, finds JSON null, or the body is not JSON.
   */
  static @Nullable String firstValue(String body, String path) {
    Object found;
    try {
      found = JsonPath.using(CONFIG).parse(body).read(path);
    } catch (RuntimeException e) {
      return null;
    }
    if (found instanceof List<?> list && !JsonPath.compile(path).isDefinite()) {
      found = list.isEmpty() ? null : list.get(0);
    }
    if (found == null) {
      return null;
    }
    return found instanceof String s ? s : shown(found);
  }

  /** One message per expectation that does not hold. */
  static List<String> mismatches(Map<String, String> expected, String body, boolean truncated) {
    List<String> out = new ArrayList<>();
    if (expected.isEmpty()) {
      return out;
    }
    DocumentContext document;
    try {
      document = JsonPath.using(CONFIG).parse(body);
    } catch (InvalidJsonException e) {
      out.add(
          "the body is not JSON"
              + (truncated ? " (it was cut at the size limit)" : "")
              + ", so "
              + String.join(", ", expected.keySet())
              + " could not be checked");
      return out;
    }
    expected.forEach(
        (path, value) -> {
          String problem = mismatch(document, path, value);
          if (problem != null) {
            out.add(path + ": " + problem);
          }
        });
    return out;
  }

  private static @Nullable String mismatch(DocumentContext document, String path, String want) {
    Object actual;
    try {
      actual = document.read(path);
    } catch (PathNotFoundException e) {
      return "expected " + Quoted.of(want) + ", got nothing (path not found)";
    } catch (RuntimeException e) {
      return "could not be evaluated: " + Objects.requireNonNullElse(e.getMessage(), "");
    }
    if (matches(actual, want)) {
      return null;
    }
    return "expected " + Quoted.of(want) + ", got " + shown(actual);
  }

  private static boolean matches(@Nullable Object actual, String want) {
    if (actual == null) {
      return want.equals("null");
    }
    if (actual instanceof String s) {
      return s.equals(want);
    }
    if (actual instanceof Number n) {
      return sameNumber(n, want);
    }
    if (actual instanceof Boolean) {
      return actual.toString().equals(want.trim());
    }
    try {
      JsonNode wanted = MAPPER.readTree(want);
      return MAPPER.valueToTree(actual).equals(wanted);
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static boolean sameNumber(Number actual, String want) {
    try {
      return new BigDecimal(actual.toString()).compareTo(new BigDecimal(want.trim())) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String shown(@Nullable Object actual) {
    if (actual instanceof String s) {
      return Quoted.of(s);
    }
    try {
      return MAPPER.writeValueAsString(actual);
    } catch (JsonProcessingException e) {
      return String.valueOf(actual);
    }
  }
}
