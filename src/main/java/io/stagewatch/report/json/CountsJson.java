package io.stagewatch.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.stagewatch.run.Counts;

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
}
