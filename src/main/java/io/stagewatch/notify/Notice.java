package io.stagewatch.notify;

import io.stagewatch.run.RunInfo;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one message says, before it is rendered for a particular notifier.
 *
 * @param failing how many checks failed in the run, named here or not
 * @param total how many checks the run had
 * @param flaky checks that passed only on a retry: mentioned, never alerted on
 * @param reportUrl a link to the report; null when none is configured
 */
public record Notice(
    NoticeKind kind,
    RunInfo run,
    Duration runDuration,
    int failing,
    int total,
    List<NoticeCheck> checks,
    List<String> flaky,
    @Nullable String reportUrl) {

  public Notice {
    checks = List.copyOf(checks);
    flaky = List.copyOf(flaky);
  }

  /** The same notice naming only {@code named}, as a channel that carries some checks sends it. */
  public Notice withChecks(List<NoticeCheck> named) {
    return new Notice(kind, run, runDuration, failing, total, named, flaky, reportUrl);
  }

  public List<String> checkIds() {
    return checks.stream().map(NoticeCheck::id).toList();
  }
}
