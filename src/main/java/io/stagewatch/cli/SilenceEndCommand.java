package io.stagewatch.cli;

import io.stagewatch.app.SilenceBook;
import io.stagewatch.app.SilenceRefusedException;
import io.stagewatch.config.ConfigException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code silence end ID}: ends a silence now. */
final class SilenceEndCommand implements Callable<Integer> {
  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "end");
  private final ConfigOptions config = new ConfigOptions(spec);

  private final PositionalParamSpec id =
      PositionalParamSpec.builder()
          .paramLabel("ID")
          .type(String.class)
          .arity("1")
          .description("The silence's id, as silence add printed it and silence list shows it.")
          .build();

  SilenceEndCommand(StagewatchCommand root) {
    this.root = root;
    spec.addPositional(id);
    spec.usageMessage()
        .header("End a silence now.")
        .description(
            "Ends the silence: the next run sends what its checks' state calls for, such as",
            "the alert of a check still failing. Ending one that is over already changes",
            "nothing.",
            "")
        .footer(
            "", "Exit codes: 0 ended (or over already), 2 no such silence, 3 the store failed.");
  }

  @Override
  public Integer call() throws ConfigException {
    String silence = id.getValue();
    return SilenceCommand.withStore(
        root,
        config,
        (loaded, store) -> {
          try {
            SilenceBook.Ending ending = SilenceCommand.book(root, store).end(silence);
            root.out.println(
                ending == SilenceBook.Ending.ENDED
                    ? "Ended silence " + silence + "."
                    : "Silence " + silence + " was over already.");
            return ExitCodes.PASSED;
          } catch (SilenceRefusedException e) {
            root.err.println("stagewatch: " + e.getMessage());
            return ExitCodes.USAGE;
          }
        });
  }
}
