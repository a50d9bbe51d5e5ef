package io.stagewatch.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stagewatch.run.Counts;
import java.io.IOException;

/** The {@code counts} object of {@code result.json}. */
@JsonPropertyOrder({"total", "passed", "flaky", "failed", "error", "skipped"})
public record CountsJson(int total, int passed, int flaky, int failed, int error, int skipped) {

  public static CountsJson of(Counts counts) {
    return new CountsJson(
        counts.total(),
        counts.passed(),
        counts.flaky(),
        counts.failed(),
        counts.error(),
        counts.skipped());
  }

  /** Writes the fields in the order of {@link JsonPropertyOrder} above. */
  void writeTo(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("total", total);
    json.writeNumberField("passed", passed);
    json.writeNumberField("flaky", flaky);
    json.writeNumberField("failed", failed);
    json.writeNumberField("error", error);
    json.writeNumberField("skipped", skipped);
    json.writeEndObject();
  }
}
