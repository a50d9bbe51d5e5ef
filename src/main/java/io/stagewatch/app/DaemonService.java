package io.stagewatch.app;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.config.ScheduleConfig;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.schedule.CannotListenException;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.LastRuns;
import io.stagewatch.schedule.Schedule;
import io.stagewatch.schedule.StatusServer;
import io.stagewatch.schedule.StoreStatus;
import io.stagewatch.suite.Workspace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The daemon as a whole: the config's schedules fired through one run pipeline (so one notifier for
 * the daemon's life, whose waiting notices go out between slots), and the endpoints over the store
 * and the last runs in memory. {@link #start} listens first, so a taken port is refused before any
 * slot runs.
 */
public final class DaemonService {
  private final RunPipeline pipeline;
  private final Daemon daemon;
  private final StoreStatus status;
  private final StatusServer server;

  private DaemonService(
      RunPipeline pipeline, Daemon daemon, StoreStatus status, StatusServer server) {
    this.pipeline = pipeline;
    this.daemon = daemon;
    this.status = status;
    this.server = server;
  }

  /**
   * Listens on {@code address}, then starts scheduling.
   *
   * @param parallelism how many of a slot's checks run at once
   * @param log where the daemon's lines go, masked by the caller
   * @throws ConfigException when the config has no schedule
   * @throws CannotListenException when the endpoints cannot listen on {@code address}
   */
  public static DaemonService start(
      Workspace workspace,
      InetSocketAddress address,
      Path reportDir,
      int parallelism,
      Clock clock,
      Map<String, String> environment,
      Consumer<String> log)
      throws ConfigException, CannotListenException, IOException {
    StagewatchConfig config = workspace.config();
    List<Schedule> schedules = schedules(config);
    RunPipeline pipeline = RunPipeline.open(workspace, true, clock, environment, RunOutput.of(log));
    LastRuns lastRuns = new LastRuns();
    Daemon daemon =
        new Daemon(
            schedules,
            new ScheduledRuns(
                pipeline,
                RunOutput.of(log),
                lastRuns,
                reportDir,
                ScheduledRuns.LOCK_WAIT,
                ScheduledRuns.OUTBOX_EVERY,
                ScheduledRuns.RETENTION_EVERY,
                parallelism),
            clock,
            log);
    StoreStatus status = ScheduledRuns.status(config, daemon, lastRuns, clock);
    StatusServer server;
    try {
      server = StatusServer.start(address, status, daemon::alive);
    } catch (IOException | RuntimeException e) {
      status.close();
      pipeline.close();
      throw e;
    }
    daemon.start();
    return new DaemonService(pipeline, daemon, status, server);
  }

  /** The port the endpoints listen on. */
  public int port() {
    return server.port();
  }

  /**
   * Stops scheduling, waits up to {@code grace} for the run in progress, and closes the endpoints,
   * the status and the notifier.
   *
   * @return whether the run in progress (if any) finished within {@code grace}
   */
  public boolean stop(Duration grace) throws InterruptedException {
    try {
      return daemon.stop(grace);
    } finally {
      server.close();
      status.close();
      pipeline.close();
    }
  }

  /** The config's schedules; a daemon without one is a config error. */
  public static List<Schedule> schedules(StagewatchConfig config) throws ConfigException {
    List<ScheduleConfig> entries = config.schedules();
    if (entries.isEmpty()) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  Location.ofFile(config.file().toString()),
                  "schedules",
                  "the daemon needs at least one schedule, e.g. schedules: [{suites: [\"*\"],"
                      + " every: 15m}]")));
    }
    return entries.stream().map(Schedule::of).toList();
  }
}
