package io.stagewatch.notify.webhook;

import io.stagewatch.notify.Notice;
import io.stagewatch.notify.NoticeCheck;
import io.stagewatch.readiness.ReadinessResult;
import io.stagewatch.readiness.ReadinessScore;
import io.stagewatch.run.RunInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a webhook's template sees: plain maps, lists, texts, numbers and booleans, the names the
 * README's table documents. Without a template the same model is the JSON body. Pure.
 */
final class WebhookModel {
  private WebhookModel() {}

  /** The model of a notice about checks. */
  static Map<String, Object> of(Notice notice) {
    RunInfo run = notice.run();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("environment", run.environment());
    putIfSet(model, "project", run.project());
    model.put("kind", notice.kind().label());
    model.put("title", title(notice));
    model.put("run", run(notice));
    model.put("checks", checks(notice.checks()));
    model.put("flaky", notice.flaky());
    putIfSet(model, "reportUrl", notice.reportUrl());
    return model;
  }

  /** The model of {@code readiness --notify}: {@code kind} is {@code readiness}. */
  static Map<String, Object> of(ReadinessResult result, @Nullable String project) {
    Map<String, Object> readiness = new LinkedHashMap<>();
    readiness.put("score", result.score().score());
    readiness.put("threshold", result.verdict().threshold());
    readiness.put("ready", result.verdict().ready());
    readiness.put("band", result.score().band().label());
    readiness.put("trend", result.trendText());
    readiness.put("reasons", result.verdict().reasons());
    Map<String, Object> model = new LinkedHashMap<>();
    putIfSet(model, "project", project);
    model.put("kind", "readiness");
    model.put(
        "title",
        (project == null ? "" : project + ": ")
            + "release readiness "
            + ReadinessScore.format(result.score().score())
            + (result.verdict().ready() ? ", ready" : ", not ready"));
    model.put("readiness", readiness);
    return model;
  }

  private static Map<String, Object> run(Notice notice) {
    RunInfo info = notice.run();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("id", info.runId());
    run.put("trigger", info.trigger());
    putIfSet(run, "label", info.label());
    run.put("startedAt", info.startedAt().toString());
    run.put("durationMs", notice.runDuration().toMillis());
    run.put("failing", notice.failing());
    run.put("total", notice.total());
    return run;
  }

  private static List<Map<String, Object>> checks(List<NoticeCheck> checks) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (NoticeCheck check : checks) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", check.id());
      int slash = check.id().indexOf('/');
      c.put("suite", slash < 0 ? check.id() : check.id().substring(0, slash));
      c.put("name", slash < 0 ? check.id() : check.id().substring(slash + 1));
      putIfSet(c, "reason", check.reason());
      c.put("downSeconds", check.down().toSeconds());
      c.put("degraded", check.degraded());
      out.add(c);
    }
    return out;
  }

  private static String title(Notice notice) {
    String where =
        (notice.run().project() == null ? "" : notice.run().project() + " ")
            + notice.run().environment();
    int named = notice.checks().size();
    String checks = named + (named == 1 ? " check" : " checks");
    return switch (notice.kind()) {
      case ALERT -> where + ": " + checks + " failing";
      case REMINDER -> where + ": " + checks + " still failing";
      case DEGRADED -> where + ": " + checks + " degraded";
      case RECOVERY -> where + ": " + checks + " recovered";
    };
  }

  private static void putIfSet(Map<String, Object> model, String key, @Nullable Object value) {
    if (value != null) {
      model.put(key, value);
    }
  }
}
