package io.stagewatch.app;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.notify.Alerting;
import io.stagewatch.notify.NoticeReport;
import io.stagewatch.report.NoticeOutcome;
import io.stagewatch.run.RunListener;
import io.stagewatch.run.RunOptions;
import io.stagewatch.run.Series;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.LastRuns;
import io.stagewatch.schedule.Schedule;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.SlotRunner;
import io.stagewatch.schedule.StoreStatus;
import io.stagewatch.store.NoticeOutbox;
import io.stagewatch.store.ResultStore;
import io.stagewatch.store.RunRetention;
import io.stagewatch.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The daemon's runs: the same path as {@code stagewatch run --trigger schedule}, with the slot as
 * the run's label. Under the environment's run lock it first asks the store whether a run of the
 * slot exists; so daemons sharing one store run each slot once, whichever gets the lock first.
 * Between slots it delivers the notices still waiting in the store's outbox (a Slack outage during
 * a run does not hold an alert back until the next slot), and applies retention once at the start
 * and then every {@link #RETENTION_EVERY} (a daemon whose slots are far apart, or whose runs all
 * fail to be recorded, still prunes its store). Both intervals go by the pipeline's clock.
 */
public final class ScheduledRuns implements SlotRunner {
  /** How long a slot waits for a run of the environment that holds the run lock. */
  public static final Duration LOCK_WAIT = Duration.ofMinutes(1);

  /** How often, at most, the store is opened between slots to deliver waiting notices. */
  public static final Duration OUTBOX_EVERY = Duration.ofSeconds(15);

  /** How often, at most, retention is applied between slots. */
  public static final Duration RETENTION_EVERY = Duration.ofHours(1);

  /** How soon retention is tried again after the store failed it. */
  static final Duration RETENTION_RETRY = Duration.ofMinutes(1);

  private final RunPipeline pipeline;
  private final RunOutput log;
  private final LastRuns lastRuns;
  private final Path reportDir;
  private final Duration lockWait;
  private final Duration outboxEvery;
  private final Duration retentionEvery;

  /** How many of a slot's checks run at once. */
  private final int parallelism;

  /** When the outbox and retention are next due, by the pipeline's clock; both at the start. */
  private Instant nextOutbox;

  private Instant nextRetention;

  /**
   * @param pipeline runs the slots; alive as long as the daemon, with its notifier
   * @param log where the lines between and about runs go
   * @param lastRuns told of every finished run, for the metrics
   */
  public ScheduledRuns(
      RunPipeline pipeline, RunOutput log, LastRuns lastRuns, Path reportDir, Duration lockWait) {
    this(
        pipeline,
        log,
        lastRuns,
        reportDir,
        lockWait,
        OUTBOX_EVERY,
        RETENTION_EVERY,
        RunOptions.DEFAULT_PARALLELISM);
  }

  /**
   * @param outboxEvery how often, at most, {@link #idle} delivers waiting notices
   * @param retentionEvery how often, at most, {@link #idle} applies retention
   * @param parallelism how many of a slot's checks run at once, as {@code run --parallel}
   */
  public ScheduledRuns(
      RunPipeline pipeline,
      RunOutput log,
      LastRuns lastRuns,
      Path reportDir,
      Duration lockWait,
      Duration outboxEvery,
      Duration retentionEvery,
      int parallelism) {
    this.pipeline = pipeline;
    this.log = log;
    this.lastRuns = lastRuns;
    this.reportDir = reportDir;
    this.lockWait = lockWait;
    this.outboxEvery = outboxEvery;
    this.retentionEvery = retentionEvery;
    this.parallelism = parallelism;
    this.nextOutbox = pipeline.clock().instant();
    this.nextRetention = nextOutbox;
  }

  /**
   * The daemon's status over the project's store: per schedule's series, with the last runs this
   * daemon made of each ({@code memory}) for when the store cannot be read.
   */
  public static StoreStatus status(
      StagewatchConfig config, Daemon daemon, LastRuns memory, Clock clock) {
    return new StoreStatus(
        () -> ProjectStore.open(config, clock),
        config.environment().name(),
        config.schedules().stream().map(Series::of).toList(),
        Series.named(config.schedules(), config.readiness().series()),
        config.readiness(),
        daemon,
        memory,
        clock,
        config.secrets()::mask);
  }

  /**
   * Applies retention when it is due (once at the start, then every {@code retentionEvery}) and
   * delivers the notices waiting in the store's outbox, at most every {@code outboxEvery}; the
   * store is opened once for both. A store or notifier problem is printed, masked, and tried again
   * later; it never stops the daemon.
   */
  @Override
  public void idle() {
    Instant now = pipeline.clock().instant();
    boolean retentionDue = !now.isBefore(nextRetention);
    Alerting n = pipeline.notifications().orElse(null);
    boolean outboxDue = n != null && !now.isBefore(nextOutbox);
    if (!retentionDue && !outboxDue) {
      return;
    }
    if (outboxDue) {
      nextOutbox = now.plus(outboxEvery);
    }
    if (retentionDue) {
      nextRetention = now.plus(retentionEvery);
    }
    StagewatchConfig config = pipeline.config();
    ResultStore store;
    try {
      store = ProjectStore.open(config, pipeline.clock());
    } catch (StoreException | RuntimeException e) {
      if (retentionDue) {
        retryRetention(now);
      }
      log.problem(
          "stagewatch: the store could not be opened between runs: "
              + config.secrets().maskedMessage(e));
      return;
    }
    try (store) {
      if (retentionDue) {
        applyRetention(store, config, now);
      }
      if (n != null && outboxDue) {
        deliverOutbox(store, config, n);
      }
    }
  }

  private void applyRetention(RunRetention store, StagewatchConfig config, Instant now) {
    int days = config.store().retentionDays();
    Instant cutoff = now.minus(Duration.ofDays(days));
    try {
      int deleted = store.deleteRunsStartedBefore(cutoff);
      log.problem(
          "stagewatch: retention: "
              + deleted
              + (deleted == 1 ? " run" : " runs")
              + " older than "
              + days
              + (days == 1 ? " day" : " days")
              + " deleted");
    } catch (StoreException | RuntimeException e) {
      retryRetention(now);
      log.problem(
          "stagewatch: retention could not be applied between runs: "
              + config.secrets().maskedMessage(e));
    }
  }

  /** After a store failure retention is tried again soon, not an interval later. */
  private void retryRetention(Instant now) {
    Duration retry =
        retentionEvery.compareTo(RETENTION_RETRY) < 0 ? retentionEvery : RETENTION_RETRY;
    nextRetention = now.plus(retry);
  }

  private void deliverOutbox(NoticeOutbox outbox, StagewatchConfig config, Alerting n) {
    try {
      String environment = config.environment().name();
      for (NoticeReport report : n.deliverOutbox(outbox, environment)) {
        NoticeLines.print(log, report, config.secrets());
        lastRuns.counters().notified(environment, report.channel(), report.status().label());
      }
    } catch (StoreException | RuntimeException e) {
      log.problem(
          "stagewatch: notifications: the waiting notices could not be sent between runs: "
              + config.secrets().maskedMessage(e));
    }
  }

  @Override
  public SlotOutcome run(Schedule schedule, Instant slot) throws ConfigException {
    RunOptions options =
        new RunOptions(
            schedule.tags(),
            schedule.suites(),
            parallelism,
            false,
            List.of(),
            "schedule",
            schedule.label(slot));
    RunOutcome outcome =
        pipeline.run(
            new RunRequest(options, reportDir, lockWait, schedule.label(slot)),
            new RunListener() {});
    return switch (outcome) {
      case RunOutcome.Locked locked -> SlotOutcome.LOCKED;
      case RunOutcome.AlreadyRan ran -> SlotOutcome.ALREADY_RAN;
      case RunOutcome.Finished finished -> finished(finished);
    };
  }

  private SlotOutcome finished(RunOutcome.Finished run) {
    lastRuns.finished(run.result());
    for (NoticeOutcome notice : run.notifications()) {
      lastRuns
          .counters()
          .notified(run.result().info().environment(), notice.notifier(), notice.status());
    }
    String reports = run.reports().problem();
    if (reports != null) {
      log.problem("stagewatch: " + reports);
    }
    String store = run.store().problem();
    if (store != null) {
      log.problem("stagewatch: the run was not recorded: " + store);
      return SlotOutcome.NOT_RECORDED;
    }
    if (reports != null) {
      return SlotOutcome.NOT_RECORDED;
    }
    return run.passed() ? SlotOutcome.PASSED : SlotOutcome.FAILED;
  }
}
