package io.stagewatch.cli;

import io.stagewatch.app.SilenceBook;
import io.stagewatch.config.ConfigException;
import io.stagewatch.store.Silence;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code silence list}: the active silences and those over within the last week. */
final class SilenceListCommand implements Callable<Integer> {
  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "list");
  private final ConfigOptions config = new ConfigOptions(spec);

  SilenceListCommand(StagewatchCommand root) {
    this.root = root;
    spec.usageMessage()
        .header("List the active silences and those over within the last 7 days.")
        .description(
            "One line per silence: id, environment, selection, from, until (UTC), reason and",
            "state (active; ended, when ended early; expired). Every environment's, or only",
            "the one -e names.",
            "");
  }

  @Override
  public Integer call() throws ConfigException {
    String only = config.environment();
    return SilenceCommand.withStore(
        root,
        config,
        (loaded, store) -> {
          SilenceBook book = SilenceCommand.book(root, store);
          List<Silence> silences =
              book.recent().stream()
                  .filter(s -> only == null || s.environment().equals(only))
                  .toList();
          root.out.print(SilenceTable.render(silences, book.now()));
          return ExitCodes.PASSED;
        });
  }
}
