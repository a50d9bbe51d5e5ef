package io.stagewatch.cli;

import io.stagewatch.app.ProjectStore;
import io.stagewatch.app.SilenceBook;
import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigLoader;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.store.ResultStore;
import io.stagewatch.store.StoreException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silence add|list|end}: hold back notices about some checks for a while (a deploy, an
 * outage someone is on), kept in the project's store so that every run and daemon sees them.
 */
final class SilenceCommand implements Callable<Integer> {
  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "silence");

  SilenceCommand(StagewatchCommand root) {
    this.root = root;
    spec.addSubcommand("add", new CommandLine(new SilenceAddCommand(root).spec));
    spec.addSubcommand("list", new CommandLine(new SilenceListCommand(root).spec));
    spec.addSubcommand("end", new CommandLine(new SilenceEndCommand(root).spec));
    spec.usageMessage()
        .header("Hold back notifications about some checks for a while.")
        .description(
            "While a silence is active, the checks it selects (in its environment; by suite",
            "and tags, or all of them) still run and are recorded, and reports mark them",
            "silenced, but no alert, reminder or recovery is sent about them. A check still",
            "failing when the silence ends alerts at the next run. Every run and daemon of the",
            "project sees silences added from any shell: they are kept in the store.",
            "",
            "Examples:",
            "  stagewatch silence add --for 30m --reason 'deploy 1.4.2'",
            "  stagewatch silence add -e qa -t db --until 18:30 --reason 'database migration'",
            "  stagewatch silence list",
            "  stagewatch silence end 3f9a0c12",
            "");
  }

  /** {@code silence} alone: its usage, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(root.err);
    return ExitCodes.USAGE;
  }

  /** What a {@code silence} subcommand works on: the config and its store. */
  interface WithStore {
    int call(StagewatchConfig config, ResultStore store) throws StoreException;
  }

  /**
   * Loads the config, opens its store and does {@code work}; a store that cannot be opened or
   * written is exit 3, saying why.
   */
  static int withStore(StagewatchCommand root, ConfigOptions options, WithStore work)
      throws ConfigException {
    StagewatchConfig config =
        new ConfigLoader(root.environment).load(options.config(), options.environment());
    try (ResultStore store = ProjectStore.open(config, root.clock)) {
      return work.call(config, store);
    } catch (StoreException e) {
      root.err.println("stagewatch: " + config.secrets().maskedMessage(e));
      return ExitCodes.INTERNAL;
    }
  }

  static SilenceBook book(StagewatchCommand root, ResultStore store) {
    return new SilenceBook(store, root.clock);
  }
}
