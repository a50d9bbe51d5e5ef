package io.stagewatch.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewatch.readiness.ReadinessScore;
import io.stagewatch.readiness.SeriesHistory;
import io.stagewatch.readiness.StagingReadiness;
import io.stagewatch.report.html.CheckState;
import io.stagewatch.store.StoredRun;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/status}: the daemon's health, the staging verdict, and per schedule's series its last
 * run and every check's state.
 *
 * <pre>{@code
 * {"healthy": true, "problem": null, "environment": "staging", "lastSuccessAgeSeconds": 12.5,
 *  "readiness": {"verdict": "READY" | "NOT READY" | "UNKNOWN", "ready", "signal": "staging",
 *                "passRate" (0-1, null before a finished run), "passedRuns", "finishedRuns"
 *                (of the lowest series), "series": [{"schedule", "passedRuns", "finishedRuns",
 *                "latestStatus"}], "window", "threshold", "reasons": [...], "notes": [...]},
 *  "series": [{"schedule", "selection",
 *              "lastRun": {"runId", "trigger", "label", "startedAt", "finishedAt", "status" (pass,
 *                          fail, running or aborted),
 *                          "counts"},
 *              "checks": [{"id", "status", "state" (passed, flaky, degraded, failed, error,
 *                          skipped or silenced, as the page counts it), "degraded" (why, or
 *                          null), "silenced" (the silence's reason, or null), "uptime",
 *                          "history": ["PASSED", ...], "lastFailure", "lastFailureAt"}]}]}
 * }</pre>
 */
public final class StatusJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusJson() {}

  public static String render(DaemonStatus status) {
    ObjectNode root = JSON.createObjectNode();
    root.put("healthy", status.healthy());
    root.put("problem", status.problem().orElse(null));
    root.put("environment", status.environment());
    root.put("lastSuccessAgeSeconds", status.lastSuccessAgeSeconds());
    readiness(root.putObject("readiness"), status.readiness());
    ArrayNode series = root.putArray("series");
    for (SeriesStatus s : status.series()) {
      series(series.addObject(), s);
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // A tree of plain values always serializes.
      throw new IllegalStateException(e);
    }
  }

  private static void series(ObjectNode node, SeriesStatus series) {
    node.put("schedule", series.name());
    node.put("selection", series.series().selection());
    if (series.runs().isEmpty()) {
      node.putNull("lastRun");
    } else {
      run(node.putObject("lastRun"), series.runs().get(0));
    }
    ArrayNode checks = node.putArray("checks");
    for (CheckState c : series.checks()) {
      ObjectNode check = checks.addObject();
      check.put("id", c.id());
      check.put("status", c.status().name());
      // As the page counts it: silenced before degraded before the status.
      check.put("state", c.state().word());
      check.put("degraded", c.degraded());
      check.put("silenced", c.silenceReason());
      check.put("uptime", c.uptime());
      ArrayNode history = check.putArray("history");
      c.history().forEach(s -> history.add(s.name()));
      check.put("lastFailure", c.lastFailure());
      check.put("lastFailureAt", text(c.lastFailureAt()));
    }
  }

  /** The staging signal's verdict, as the page shows it; {@code signal} says what it rests on. */
  private static void readiness(ObjectNode node, StagingReadiness readiness) {
    node.put("verdict", readiness.headline());
    node.put("ready", readiness.ready());
    node.put("signal", "staging");
    ReadinessScore score = readiness.score();
    if (score == null) {
      node.putNull("passRate");
    } else {
      // A ratio, as in every machine output; the page shows the percentage.
      node.put("passRate", score.score() / 100);
    }
    Optional<SeriesHistory> lowest = readiness.staging().lowest();
    node.put("passedRuns", lowest.map(SeriesHistory::passedRuns).orElse(0));
    node.put("finishedRuns", lowest.map(SeriesHistory::finishedRuns).orElse(0));
    ArrayNode series = node.putArray("series");
    for (SeriesHistory s : readiness.staging().series()) {
      ObjectNode one = series.addObject();
      one.put("schedule", s.series() == null ? null : s.series().name());
      one.put("passedRuns", s.passedRuns());
      one.put("finishedRuns", s.finishedRuns());
      StoredRun latest = s.latest();
      one.put("latestStatus", latest == null ? null : latest.status().word());
    }
    node.put("window", readiness.window());
    node.put("threshold", readiness.threshold());
    ArrayNode reasons = node.putArray("reasons");
    readiness.reasons().forEach(reasons::add);
    ArrayNode notes = node.putArray("notes");
    readiness.notes().forEach(notes::add);
  }

  private static void run(ObjectNode node, StoredRun run) {
    node.put("runId", run.runId());
    node.put("trigger", run.trigger());
    node.put("label", run.label());
    node.put("startedAt", text(run.startedAt()));
    node.put("finishedAt", text(run.finishedAt()));
    node.put("status", run.status().word());
    ObjectNode counts = node.putObject("counts");
    counts.put("total", run.counts().total());
    counts.put("passed", run.counts().passed());
    counts.put("flaky", run.counts().flaky());
    counts.put("failed", run.counts().failed());
    counts.put("error", run.counts().error());
    counts.put("skipped", run.counts().skipped());
  }

  private static @Nullable String text(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }
}
