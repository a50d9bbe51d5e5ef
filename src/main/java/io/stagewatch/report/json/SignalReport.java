package io.stagewatch.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stagewatch.report.ReportContext;
import io.stagewatch.report.ReportFile;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.RunStatus;
import io.stagewatch.store.WindowFigures;
import java.io.IOException;
import java.time.Instant;

/**
 * {@code signal.json}: staging health as one input for a release readiness score.
 *
 * <p>{@code status} is this run's ({@code pass} or {@code fail}, as the exit code and the GitHub
 * output {@code status}). {@code passRate} is a rate of runs, not of checks, from 0 to 1 like the
 * {@code passRate} of {@code result.json}: the runs that passed over the finished runs among the
 * last {@code readiness.window} runs of this run's series in the store (its {@code schedule}: the
 * schedule of its selection, or {@code adhoc}; {@code selection} is that selection), this run
 * included; {@code window} is how many finished runs that was. Without a store (or when it could
 * not be read) the rate covers this run alone: {@code window} 1, {@code passRate} 1 or 0. {@code
 * checkPassRate} is this run's check pass rate, the {@code passRate} of {@code result.json} (the
 * GitHub output {@code pass_rate} is the same as a percentage).
 */
public final class SignalReport implements ReportFile {
  public static final String FILE_NAME = "signal.json";
  public static final String SIGNAL = "staging-smoke";

  /** The fields of the file, in their order. */
  @JsonPropertyOrder({
    "signal",
    "environment",
    "schedule",
    "selection",
    "status",
    "passRate",
    "window",
    "runsPassed",
    "runId",
    "time",
    "checkPassRate"
  })
  public record Signal(
      String signal,
      String environment,
      String schedule,
      String selection,
      String status,
      double passRate,
      int window,
      int runsPassed,
      String runId,
      Instant time,
      double checkPassRate) {

    /** Writes the fields in the order of {@link JsonPropertyOrder} above. */
    void writeTo(JsonGenerator json) throws IOException {
      json.writeStartObject();
      json.writeStringField("signal", signal);
      json.writeStringField("environment", environment);
      json.writeStringField("schedule", schedule);
      json.writeStringField("selection", selection);
      json.writeStringField("status", status);
      json.writeNumberField("passRate", passRate);
      json.writeNumberField("window", window);
      json.writeNumberField("runsPassed", runsPassed);
      json.writeStringField("runId", runId);
      json.writeStringField("time", time.toString());
      json.writeNumberField("checkPassRate", checkPassRate);
      json.writeEndObject();
    }
  }

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public String render(ReportContext context) {
    return JsonText.render(signal(context)::writeTo);
  }

  public Signal signal(ReportContext context) {
    RunResult result = context.result();
    boolean passed = result.status() == RunStatus.PASSED;
    WindowFigures h = context.figures();
    int window = h == null || h.finishedRuns() == 0 ? 1 : h.finishedRuns();
    int runsPassed = h == null || h.finishedRuns() == 0 ? (passed ? 1 : 0) : h.passedRuns();
    return new Signal(
        SIGNAL,
        result.info().environment(),
        result.info().series().name(),
        result.info().series().selection(),
        result.status().word(),
        (double) runsPassed / window,
        window,
        runsPassed,
        result.info().runId(),
        result.finishedAt(),
        result.counts().passRate());
  }
}
