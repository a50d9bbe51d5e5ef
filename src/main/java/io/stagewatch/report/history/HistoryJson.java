package io.stagewatch.report.history;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.stagewatch.report.json.CountsJson;
import io.stagewatch.store.CheckStats;
import io.stagewatch.store.StoredRun;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code stagewatch history --json}: the shape the contract gives, field names kept forever. */
public final class HistoryJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private HistoryJson() {}

  @JsonPropertyOrder({"runs", "checks"})
  record Document(List<Run> runs, List<Check> checks) {}

  @JsonPropertyOrder({
    "runId",
    "environment",
    "schedule",
    "selection",
    "trigger",
    "label",
    "startedAt",
    "finishedAt",
    "status",
    "counts"
  })
  record Run(
      String runId,
      String environment,
      @Nullable String schedule,
      @Nullable String selection,
      String trigger,
      @Nullable String label,
      Instant startedAt,
      @Nullable Instant finishedAt,
      String status,
      CountsJson counts) {}

  @JsonPropertyOrder({
    "id",
    "schedule",
    "passRate",
    "flaky",
    "p50Ms",
    "p95Ms",
    "lastFailureAt",
    "lastFailure"
  })
  record Check(
      String id,
      String schedule,
      double passRate,
      int flaky,
      long p50Ms,
      long p95Ms,
      @Nullable Instant lastFailureAt,
      @Nullable String lastFailure) {}

  /**
   * @param checks per series; {@code schedule} is the series' name ({@code adhoc} for a selection
   *     no schedule names, {@code -} for runs recorded before series)
   */
  public static String render(List<StoredRun> runs, List<SeriesChecks> checks) {
    Document document =
        new Document(
            runs.stream().map(HistoryJson::run).toList(),
            checks.stream().flatMap(s -> s.checks().stream().map(c -> check(s, c))).toList());
    try {
      return MAPPER.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Run run(StoredRun r) {
    return new Run(
        r.runId(),
        r.environment(),
        r.series() == null ? null : r.series().name(),
        r.series() == null ? null : r.series().selection(),
        r.trigger(),
        r.label(),
        r.startedAt(),
        r.finishedAt(),
        r.status().word(),
        CountsJson.of(r.counts()));
  }

  /** Pass rates to four decimals: 2 of 3 reads 0.6667, not a sixteen-digit fraction. */
  private static Check check(SeriesChecks series, CheckStats c) {
    return new Check(
        c.id(),
        series.series(),
        Math.round(c.passRate() * 10_000) / 10_000.0,
        c.flaky(),
        c.p50Ms(),
        c.p95Ms(),
        c.lastFailureAt(),
        c.lastFailure());
  }
}
