package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two schedules, {@code smoke} always failing and {@code db} always passing: each run belongs to
 * the series of its selection, and every signal (signal.json, metrics.prom, the summary's window,
 * history, readiness) is per series, whichever ran last.
 */
class SeriesRunsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();

  static final String CONFIG =
      """
      environments:
        staging:
          baseUrl: ${STAGING_URL}
      defaults:
        timeout: 3s
        retry: {attempts: 1}
      schedules:
        - name: smoke
          suites: ["*"]
          tags: smoke
          every: 20s
        - name: db
          suites: [database]
          every: 30s
      %s
      """;

  @TempDir Path dir;
  CliRun cli;

  @BeforeEach
  void project() throws IOException {
    staging.stubFor(get("/front").willReturn(aResponse().withStatus(503)));
    staging.stubFor(get("/db").willReturn(aResponse().withStatus(200)));
    cli = project("");
  }

  CliRun project(String readiness) throws IOException {
    return new CliRun(dir)
        .config(CONFIG.formatted(readiness))
        .suite(
            "front.yaml",
            """
            name: front
            tags: [smoke]
            checks:
              - {name: page, http: {path: /front}, expect: {status: 200}}
            """)
        .suite(
            "database.yaml",
            """
            name: database
            checks:
              - {name: reachable, http: {path: /db}, expect: {status: 200}}
            """)
        .env("STAGING_URL", staging.baseUrl());
  }

  JsonNode signal() throws IOException {
    return JSON.readTree(cli.report("signal.json"));
  }

  @Test
  void aRunByHandWithAScheduleSelectionBelongsToItsSeriesAndSignalsStayApart() throws Exception {
    assertThat(cli.runChecks("--schedule", "smoke")).isEqualTo(ExitCodes.FAILED);
    assertThat(signal().get("schedule").asText()).isEqualTo("smoke");

    assertThat(cli.runChecks("--schedule", "db")).isEqualTo(ExitCodes.PASSED);
    JsonNode db = signal();
    assertThat(db.get("schedule").asText()).isEqualTo("db");
    assertThat(db.get("window").asInt()).isEqualTo(1);
    assertThat(db.get("passRate").asDouble()).isEqualTo(1.0);
    assertThat(cli.report("metrics.prom"))
        .contains("stagewatch_run_up{environment=\"staging\",schedule=\"db\"} 1.0")
        .doesNotContain("schedule=\"smoke\"");
    assertThat(cli.report("summary.md"))
        .contains("## Last 10 runs of this series: db")
        .contains("- Runs passed: 1/1 finished runs");

    // The same selection as the smoke schedule, spelled differently, by hand: the smoke series.
    assertThat(cli.runChecks("-t", " smoke ")).isEqualTo(ExitCodes.FAILED);
    JsonNode smoke = signal();
    assertThat(smoke.get("schedule").asText()).isEqualTo("smoke");
    assertThat(smoke.get("window").asInt()).isEqualTo(2);
    assertThat(smoke.get("passRate").asDouble()).isEqualTo(0.0);

    // Another selection is recorded, but forms a series of its own and dilutes nothing.
    assertThat(cli.runChecks("-s", "front", "-s", "database", "-t", "!slow"))
        .isEqualTo(ExitCodes.FAILED);
    assertThat(signal().get("schedule").asText()).isEqualTo("adhoc");
    assertThat(cli.report("metrics.prom"))
        .contains("stagewatch_run_up{environment=\"staging\",schedule=\"adhoc\"} 0.0");
    assertThat(cli.runChecks("--schedule", "db")).isEqualTo(ExitCodes.PASSED);
    assertThat(signal().get("window").asInt()).isEqualTo(2);
    assertThat(signal().get("passRate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void historyShowsEachRunsSeriesAndKeepsChecksApartPerSeries() throws Exception {
    cli.runChecks("--schedule", "smoke");
    cli.runChecks("--schedule", "db");
    cli.runChecks("--schedule", "db");

    assertThat(cli.run("history", "--json", "-c", dir.resolve("config/stagewatch.yaml").toString()))
        .isEqualTo(ExitCodes.PASSED);
    JsonNode history = JSON.readTree(cli.out);
    List<String> series = new ArrayList<>();
    history.get("runs").forEach(r -> series.add(r.get("schedule").asText()));
    assertThat(series).containsExactly("db", "db", "smoke");
    assertThat(history.at("/runs/0/selection").asText()).isEqualTo("-s database");
    assertThat(history.at("/checks/0/schedule").asText()).isEqualTo("db");
    assertThat(history.at("/checks/0/passRate").asDouble()).isEqualTo(1.0);
    assertThat(history.at("/checks/1/schedule").asText()).isEqualTo("smoke");
    assertThat(history.at("/checks/1/passRate").asDouble()).isEqualTo(0.0);

    cli.run(
        "history",
        "--schedule",
        "smoke",
        "--json",
        "-c",
        dir.resolve("config/stagewatch.yaml").toString());
    assertThat(JSON.readTree(cli.out).get("runs")).hasSize(1);

    cli.run("history", "-c", dir.resolve("config/stagewatch.yaml").toString());
    assertThat(cli.out).contains("SERIES").contains("smoke").contains("db");
  }

  @Test
  void theStagingGateHoldsOnlyIfTheLatestRunOfEverySeriesPassedWhicheverRanLast() throws Exception {
    cli.runChecks("--schedule", "smoke");
    cli.runChecks("--schedule", "db");
    String[] readiness = {
      "readiness",
      "--quality",
      "95",
      "--json",
      "-c",
      dir.resolve("config/stagewatch.yaml").toString()
    };

    assertThat(cli.run(readiness)).isEqualTo(1);
    JsonNode first = JSON.readTree(cli.out);
    assertThat(first.toString()).contains("the latest staging run of staging smoke failed");

    // db runs again and passes: the answer is the same, it does not flip with the last run.
    cli.runChecks("--schedule", "db");
    assertThat(cli.run(readiness)).isEqualTo(1);
    JsonNode second = JSON.readTree(cli.out);
    assertThat(second.get("reasons")).isEqualTo(first.get("reasons"));
    assertThat(second.toString()).contains("0/1 runs of staging smoke passed");
  }

  @Test
  void readinessSeriesNamesTheSeriesBehindTheGate() throws Exception {
    cli = project("readiness: {series: [db]}");
    cli.runChecks("--schedule", "smoke");
    cli.runChecks("--schedule", "db");

    assertThat(
            cli.run(
                "readiness",
                "--quality",
                "95",
                "-c",
                dir.resolve("config/stagewatch.yaml").toString()))
        .isEqualTo(0);
    assertThat(cli.out).contains("1/1 runs of staging db passed");
  }

  @Test
  void aScheduleRunRefusesOtherSelectionsAndUnknownNames() throws Exception {
    assertThat(cli.runChecks("--schedule", "nightly")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("no schedule is named 'nightly' (schedules: smoke, db)");

    assertThat(cli.runChecks("--schedule", "smoke", "-t", "db")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("leave out -t and -s");
  }

  @Test
  void twoSchedulesNeedNamesAndDifferentSelections() throws Exception {
    cli.config(
        """
        environments:
          staging: {baseUrl: "http://localhost"}
        schedules:
          - {suites: ["*"], every: 1m}
          - {name: again, suites: ["*"], cron: "0 * * * *"}
        readiness: {series: [nightly]}
        """);

    assertThat(cli.run("validate", "-c", dir.resolve("config/stagewatch.yaml").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err)
        .contains("schedules[0].name: expected a name")
        .contains("selects the same suites and tags as schedules[0]")
        .contains("readiness.series: 'nightly' is not a schedule's name");
  }
}
