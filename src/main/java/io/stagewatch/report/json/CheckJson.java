package io.stagewatch.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stagewatch.run.CheckResult;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code checks} array of {@code result.json}.
 *
 * @param certificateExpiry when the TLS certificate a tls or https check saw expires; left out of
 *     the file for the other checks
 */
@JsonPropertyOrder({
  "id",
  "suite",
  "name",
  "tags",
  "status",
  "attempts",
  "durationMs",
  "message",
  "flags",
  "silenced",
  "silenceReason",
  "degraded",
  "certificateExpiry"
})
public record CheckJson(
    String id,
    String suite,
    String name,
    List<String> tags,
    String status,
    int attempts,
    long durationMs,
    @Nullable String message,
    List<String> flags,
    boolean silenced,
    @Nullable String silenceReason,
    boolean degraded,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String certificateExpiry) {

  public static CheckJson of(CheckResult check) {
    return new CheckJson(
        check.id(),
        check.suite(),
        check.name(),
        check.tags(),
        check.status().name(),
        check.attempts(),
        check.durationMs(),
        check.message(),
        check.flags(),
        check.silenced(),
        check.silenceReason(),
        check.degraded(),
        instant(check.certificateExpiry()));
  }

  private static @Nullable String instant(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Writes the fields in the order of {@link JsonPropertyOrder} above. */
  void writeTo(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("suite", suite);
    json.writeStringField("name", name);
    JsonText.strings(json, "tags", tags);
    json.writeStringField("status", status);
    json.writeNumberField("attempts", attempts);
    json.writeNumberField("durationMs", durationMs);
    JsonText.stringOrNull(json, "message", message);
    JsonText.strings(json, "flags", flags);
    json.writeBooleanField("silenced", silenced);
    JsonText.stringOrNull(json, "silenceReason", silenceReason);
    json.writeBooleanField("degraded", degraded);
    if (certificateExpiry != null) {
      json.writeStringField("certificateExpiry", certificateExpiry);
    }
    json.writeEndObject();
  }
}
