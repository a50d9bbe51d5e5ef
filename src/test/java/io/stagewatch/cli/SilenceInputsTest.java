package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code silence add} and the config's {@code maintenance:} refuse, and how they say it. */
class SilenceInputsTest {
  @TempDir Path dir;

  CliRun project(String extra) throws IOException {
    return new CliRun(dir)
        .clock(new TestClock())
        .env("TZ", "Europe/Berlin")
        .config(
            """
            environments:
              staging: {baseUrl: "http://127.0.0.1:9"}
              qa: {baseUrl: "http://127.0.0.1:9"}
            defaultEnvironment: staging
            store: {url: "jdbc:sqlite:%s"}
            """
                    .formatted(dir.resolve("stagewatch.db"))
                + extra)
        .suite("health.yaml", CliRun.ONE_HEALTH_CHECK);
  }

  int add(CliRun cli, String... options) {
    List<String> args =
        new ArrayList<>(List.of("silence", "add", "-c", cli.configFile().toString()));
    args.addAll(List.of(options));
    return cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no reason           | --for=1h                                    | --reason is required",
        "a blank reason      | --for=1h,--reason=  ,                       | --reason is required",
        "no end              | --reason=deploy                             | give exactly one of --for",
        "both ends           | --for=1h,--until=18:00,--reason=deploy      | give exactly one of --for",
        "an end in the past  | --until=2026-11-23T09:00:00Z,--reason=deploy | is in the past",
        "an unreadable end   | --until=tomorrow,--reason=deploy            | --until expected a time",
        "a zero duration     | --for=0s,--reason=deploy                    | --for must be a positive",
        "a bad tag expression| --for=1h,-t=smoke &,--reason=deploy         | is not a valid tag expression",
      })
  void aSilenceThatCannotBeAddedIsRefusedWithExitTwoAndNothingIsRecorded(
      String what, String options, String message) throws Exception {
    CliRun cli = project("");
    assertThat(add(cli, options.split(","))).as(cli.err).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains(message);
    assertThat(cli.out).isEmpty();
    assertThat(cli.run("silence", "list", "-c", cli.configFile().toString())).isZero();
    assertThat(cli.out).startsWith("No silences");
  }

  @Test
  void untilTakesAnOffsetALocalDateTimeOrTheNextLocalTimeOfDay() throws Exception {
    // The clock stands at 2026-11-23 10:00 UTC, 11:00 in Berlin (TZ).
    CliRun cli = project("");
    assertThat(add(cli, "--until", "2026-11-23T12:30:00+01:00", "--reason", "a"))
        .as(cli.err)
        .isZero();
    assertThat(cli.err).contains("until 2026-11-23 11:30 UTC");
    assertThat(add(cli, "--until", "2026-11-23T12:30", "--reason", "b")).isZero();
    assertThat(cli.err).contains("until 2026-11-23 11:30 UTC");
    assertThat(add(cli, "--until", "10:30", "--reason", "c")).isZero();
    assertThat(cli.err)
        .as("10:30 in Berlin has passed today")
        .contains("until 2026-11-24 09:30 UTC");
    assertThat(add(cli, "-e", "qa", "-s", "health", "--for", "90m", "--reason", "d")).isZero();
    assertThat(cli.err).contains("Silenced -s health of qa until 2026-11-23 11:30 UTC: d");

    assertThat(cli.run("silence", "list", "-c", cli.configFile().toString(), "-e", "qa")).isZero();
    assertThat(cli.out).contains("qa").doesNotContain("staging");
  }

  @Test
  void silenceAloneShowsItsUsageAsAUsageError() throws Exception {
    CliRun cli = project("");
    assertThat(cli.run("silence")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("add", "list", "end");
  }

  @Test
  void badMaintenanceWindowsAreConfigErrorsNamingFileLineAndKey() throws Exception {
    CliRun cli =
        project(
            """
            maintenance:
              - environment: prod
                tags: "db &"
                days: [mon, funday]
                start: "25:00"
                duration: 8d
                timeZone: Mars/Olympus
              - {days: [fri]}
            """);
    assertThat(cli.run("validate", "-c", cli.configFile().toString())).isEqualTo(ExitCodes.USAGE);
    String file = cli.configFile().toString();
    assertThat(cli.err)
        .contains(file + ":7:18: maintenance[0].environment: no environment named 'prod'")
        .contains("maintenance[0].tags: 'db &' is not a valid tag expression")
        .contains(":9:17: maintenance[0].days[1]: expected a day such as mon")
        .contains("maintenance[0].start: expected a time of day such as 22:00 (HH:mm), got '25:00'")
        .contains("maintenance[0].duration: expected a positive duration of at most 7d, got '8d'")
        .contains("maintenance[0].timeZone: expected a time zone such as Europe/Berlin")
        .contains("maintenance[1].start: required key is missing")
        .contains("maintenance[1].duration: required key is missing");
  }
}
