package io.stagewatch.readiness;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stagewatch.readiness.ReadinessScore.Row;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code --json}, and the cached last result ({@code .stagewatch/readiness.json}) in the same
 * shape.
 */
public final class ReadinessJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReadinessJson() {}

  /** The top level. */
  @JsonPropertyOrder({
    "score",
    "band",
    "threshold",
    "ready",
    "reasons",
    "notes",
    "trend",
    "previousScore",
    "at",
    "components"
  })
  public record Json(
      double score,
      String band,
      double threshold,
      boolean ready,
      List<String> reasons,
      List<String> notes,
      @Nullable Double trend,
      @Nullable Double previousScore,
      String at,
      List<ComponentJson> components) {}

  /** One component; {@code value}, {@code band} are null and {@code missing} true without input. */
  @JsonPropertyOrder({
    "component",
    "input",
    "missing",
    "value",
    "weight",
    "share",
    "contribution",
    "band",
    "detail"
  })
  public record ComponentJson(
      String component,
      String input,
      boolean missing,
      @Nullable Double value,
      double weight,
      double share,
      double contribution,
      @Nullable String band,
      String detail) {}

  public static String render(ReadinessResult result) {
    try {
      return JSON.writeValueAsString(of(result)) + "\n";
    } catch (JacksonException e) {
      throw new IllegalStateException("could not render the readiness JSON", e);
    }
  }

  static Json of(ReadinessResult result) {
    ReadinessResult.Previous previous = result.previous();
    return new Json(
        result.score().score(),
        result.score().band().label(),
        result.verdict().threshold(),
        result.verdict().ready(),
        result.verdict().reasons(),
        result.verdict().notes(),
        result.trend(),
        previous == null ? null : previous.score(),
        result.at().toString(),
        result.score().rows().stream().map(ReadinessJson::component).toList());
  }

  private static ComponentJson component(Row row) {
    ComponentInput input = row.input();
    Double value = input.value();
    Band band = row.band();
    return new ComponentJson(
        input.component().key(),
        input.input(),
        input.isMissing(),
        value == null ? null : ReadinessScore.round(value),
        row.weight(),
        ReadinessScore.round(row.share()),
        ReadinessScore.round(row.contribution()),
        band == null ? null : band.label(),
        input.detail());
  }

  /** The score and time of a cached result; null when the text is not one. */
  static ReadinessResult.@Nullable Previous previous(String text) {
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.path("score").isNumber() || !root.path("at").isTextual()) {
        return null;
      }
      return new ReadinessResult.Previous(
          root.get("score").asDouble(), Instant.parse(root.get("at").asText()));
    } catch (JacksonException | DateTimeParseException e) {
      return null;
    }
  }
}
