package io.stagewatch.app;

import io.stagewatch.config.Secrets;
import io.stagewatch.notify.Alerting;
import io.stagewatch.notify.NoticeReport;
import io.stagewatch.report.NoticeOutcome;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.NoticeOutbox;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoreSession;
import java.util.List;
import java.util.Optional;

/**
 * Sends a finished run's notices, after its results are stored, and says what became of them.
 * Notification trouble is printed on stderr and recorded in {@code result.json}; it never changes
 * the exit code, which is about the checks.
 */
final class NoticeLines {
  private NoticeLines() {}

  static List<NoticeOutcome> deliver(
      RunOutput output,
      Alerting notifications,
      StoreSession session,
      RunResult result,
      Secrets secrets) {
    List<NoticeReport> reports;
    Optional<NoticeOutbox> outbox = session.outbox();
    if (outbox.isPresent()) {
      try {
        reports = notifications.deliverOutbox(outbox.get(), result.info().environment());
      } catch (StoreException e) {
        output.problem(
            "stagewatch: notifications: the notices stay in the store for the next run: "
                + secrets.maskedMessage(e));
        return List.of();
      }
    } else {
      reports = notifications.sendDirectly(result);
    }
    for (NoticeReport report : reports) {
      print(output, report, secrets);
    }
    return reports.stream().map(NoticeLines::json).toList();
  }

  static void print(RunOutput output, NoticeReport report, Secrets secrets) {
    String what =
        report.channel()
            + ": "
            + report.kind()
            + " about "
            + report.checks().size()
            + (report.checks().size() == 1 ? " check" : " checks");
    switch (report.status()) {
      case SENT -> output.info(what + " sent.");
      case PENDING, SENDING ->
          output.problem(
              "stagewatch: "
                  + what
                  + " not delivered yet, the next run retries it: "
                  + secrets.mask(String.valueOf(report.error())));
      case FAILED ->
          output.problem(
              "stagewatch: "
                  + what
                  + " could not be delivered: "
                  + secrets.mask(String.valueOf(report.error())));
    }
  }

  private static NoticeOutcome json(NoticeReport r) {
    return new NoticeOutcome(
        r.channel(), r.kind(), r.runId(), r.checks(), r.status().label(), r.error());
  }
}
