package io.stagewatch.cli;

import io.stagewatch.app.SilenceRefusedException;
import io.stagewatch.app.SilenceRequest;
import io.stagewatch.config.ConfigException;
import io.stagewatch.store.Silence;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code silence add}: records a silence and prints its id. */
final class SilenceAddCommand implements Callable<Integer> {
  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "add");
  private final ConfigOptions config = new ConfigOptions(spec);

  private final OptionSpec lasting =
      CommandSpecs.valued(Duration.class, "DURATION", "How long from now, e.g. 30m or 2h.", "--for")
          .converters(new StoreOptions.DurationConverter())
          .build();

  private final OptionSpec until =
      CommandSpecs.valued(
              String.class,
              "TIME",
              "Until when: 2026-11-23T18:30:00+01:00 (ISO-8601 with an offset or Z),"
                  + " 2026-11-23T18:30 (local time), or 18:30 (the next 18:30, local time).",
              "--until")
          .build();

  private final OptionSpec tags =
      CommandSpecs.valued(
              String.class,
              "EXPR",
              "Only the checks this tag expression selects, as run -t takes it (default: all).",
              "-t",
              "--tags")
          .build();

  private final OptionSpec suites =
      CommandSpecs.repeatable(
              String.class, "NAME", "Only this suite's checks. Repeatable.", "-s", "--suite")
          .build();

  private final OptionSpec reason =
      CommandSpecs.valued(
              String.class, "TEXT", "Why (required): shown with every silenced check.", "--reason")
          .build();

  SilenceAddCommand(StagewatchCommand root) {
    this.root = root;
    spec.addOption(lasting).addOption(until).addOption(tags).addOption(suites).addOption(reason);
    spec.usageMessage()
        .header("Add a silence, starting now; prints its id.")
        .description(
            "Silences the checks of the environment (-e, default: the config's",
            "defaultEnvironment) that -s and -t select, all of them without either, from now",
            "until --until or for --for. Prints the silence's id on stdout, for silence end.",
            "",
            "Examples:",
            "  id=$(stagewatch silence add --for 30m --reason \"deploy $GIT_SHA\")",
            "  stagewatch silence add -t db --until 2026-11-23T23:00:00+01:00 --reason 'migration'",
            "")
        .footer("", "Exit codes: 0 added, 2 usage or configuration error, 3 the store failed.");
  }

  @Override
  public Integer call() throws ConfigException {
    return SilenceCommand.withStore(
        root,
        config,
        (loaded, store) -> {
          SilenceRequest request =
              new SilenceRequest(
                  loaded.environment().name(),
                  lasting.getValue(),
                  until.getValue(),
                  tags.getValue(),
                  suites.<List<String>>getValue(),
                  reason.getValue());
          Silence added;
          try {
            added = SilenceCommand.book(root, store).add(request, localZone());
          } catch (SilenceRefusedException e) {
            root.err.println("stagewatch: " + e.getMessage() + "; no silence was added");
            return ExitCodes.USAGE;
          }
          root.out.println(added.id());
          root.err.println(
              "Silenced "
                  + SilenceTable.selection(added)
                  + " of "
                  + added.environment()
                  + " until "
                  + SilenceTable.time(added.endsAt())
                  + " UTC: "
                  + added.reason());
          return ExitCodes.PASSED;
        });
  }

  /** The zone a local --until is in: TZ when it names one, else the system's. */
  private ZoneId localZone() {
    String tz = root.environment.get("TZ");
    if (tz != null && !tz.isBlank()) {
      try {
        return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
      } catch (DateTimeException e) {
        // Not a zone Java knows by that name: the system's is the best guess.
      }
    }
    return ZoneId.systemDefault();
  }
}
