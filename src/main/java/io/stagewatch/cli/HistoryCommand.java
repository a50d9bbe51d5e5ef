package io.stagewatch.cli;

import io.stagewatch.app.ProjectStore;
import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigLoader;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.report.history.HistoryJson;
import io.stagewatch.report.history.HistoryTable;
import io.stagewatch.report.history.SeriesChecks;
import io.stagewatch.run.Series;
import io.stagewatch.store.ResultStore;
import io.stagewatch.store.StoreException;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code history}: recent runs and per-check statistics from the store. */
final class HistoryCommand implements Callable<Integer> {
  static final int DEFAULT_LAST = 10;

  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "history");
  private final ConfigOptions config = new ConfigOptions(spec);

  private final OptionSpec last =
      CommandSpecs.valued(
              int.class,
              "N",
              "How many runs to show and to compute statistics over (default: 10).",
              "--last")
          .initialValue(DEFAULT_LAST)
          .build();

  private final OptionSpec schedule =
      CommandSpecs.valued(
              String.class,
              "NAME",
              "Only the runs of this schedule's series (its selection of suites and tags).",
              "--schedule")
          .build();

  private final OptionSpec json =
      CommandSpecs.flag("Print JSON for machines instead of tables.", "--json");

  HistoryCommand(StagewatchCommand root) {
    this.root = root;
    spec.addOption(last).addOption(schedule).addOption(json);
    spec.usageMessage()
        .header("Show recent runs and per-check statistics from the store.")
        .description(
            "Shows the environment's last runs (time, series, trigger, label, status,",
            "counts, duration) and, for each series and check over those runs, its pass",
            "rate, flaky count, p50 and p95 duration and its last failure. A series is the",
            "runs of one selection: a schedule's (named after it), or adhoc.",
            "",
            "Examples:",
            "  stagewatch history                 last 10 runs, default environment",
            "  stagewatch history --last 50 -e qa",
            "  stagewatch history --schedule smoke     one schedule's series",
            "  stagewatch history --json | jq '.checks[] | select(.flaky > 0)'",
            "")
        .footer(
            "",
            "Exit codes: 0 shown, 2 usage or configuration error, 3 the store cannot",
            "be read.");
  }

  @Override
  public Integer call() throws ConfigException {
    int last = this.last.getValue();
    if (last < 1) {
      root.err.println("stagewatch: --last must be at least 1");
      return ExitCodes.USAGE;
    }
    StagewatchConfig loaded =
        new ConfigLoader(root.environment).load(config.config(), config.environment());
    String environment = loaded.environment().name();
    List<StoredRun> runs;
    List<StoredResult> results;
    String name = schedule.getValue();
    Series series = null;
    if (name != null) {
      series =
          loaded.schedules().stream()
              .filter(s -> s.name().equals(name))
              .findFirst()
              .map(Series::of)
              .orElse(null);
      if (series == null) {
        root.err.println(
            "stagewatch: no schedule is named '"
                + name
                + "' (schedules: "
                + String.join(", ", loaded.schedules().stream().map(s -> s.name()).toList())
                + ")");
        return ExitCodes.USAGE;
      }
    }
    try (ResultStore store = ProjectStore.open(loaded, root.clock)) {
      runs =
          series == null
              ? store.lastRuns(environment, last)
              : store.lastRuns(environment, series, last);
      results =
          series == null
              ? store.resultsOfLastRuns(environment, last)
              : store.resultsOfLastRuns(environment, series, last);
    } catch (StoreException e) {
      root.err.println(
          "stagewatch: the history cannot be read: " + loaded.secrets().maskedMessage(e));
      return ExitCodes.INTERNAL;
    }
    List<SeriesChecks> checks = SeriesChecks.of(runs, results);
    root.out.print(
        json.<Boolean>getValue()
            ? HistoryJson.render(runs, checks)
            : HistoryTable.render(environment, runs, checks));
    return ExitCodes.PASSED;
  }
}
