package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.store.jdbc.JdbcResultStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with a SQLite store whose disk is full. SQLite's {@code max_page_count} pragma, given
 * in the store URL, keeps the file from growing: writes then fail with SQLITE_FULL, as on a full
 * disk. A later run without it is the disk with space again.
 */
class SqliteDiskFullRunTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final ObjectMapper JSON = new ObjectMapper();

  /** More results than the free space in a fresh store's pages holds. */
  static final int CHECKS = 100;

  @TempDir Path dir;

  Path file;

  @BeforeEach
  void freshStore() throws Exception {
    file = dir.resolve("store/stagewatch.db");
    JdbcResultStore.open("jdbc:sqlite:" + file, dir, Clock.systemUTC()).close();
    staging.stubFor(get("/health").willReturn(ok()));
  }

  CliRun project(String storeUrl) throws IOException {
    StringBuilder suite = new StringBuilder("name: many\nchecks:\n");
    for (int i = 1; i <= CHECKS; i++) {
      suite
          .append("  - name: check ")
          .append(i)
          .append("\n    http: {path: /health}\n    expect: {status: 200}\n");
    }
    return new CliRun(dir)
        .config(
            """
            environments:
              staging:
                baseUrl: ${STAGING_URL}
            store:
              url: "%s"
            """
                .formatted(storeUrl))
        .suite("many.yaml", suite.toString())
        .env("STAGING_URL", staging.baseUrl());
  }

  CliRun diskFull() throws IOException {
    // max_page_count cannot go below the file's size: 1 means "no more pages".
    return project("jdbc:sqlite:" + file + "?max_page_count=1");
  }

  @Test
  void aFullDiskIsNamedAndTheStoreRecoversOnceThereIsSpaceAgain() throws Exception {
    // Another reader keeps the file open (as the daemon's status page does), so SQLite does not
    // tidy its write-ahead log away when a run closes the store.
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = reader.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM runs")) {
        assertThat(rs.next()).isTrue();
      }
      CliRun full = diskFull();
      assertThat(full.runChecks("-s", "many"))
          .as(full.out + full.err)
          .isEqualTo(ExitCodes.INTERNAL);
      assertThat(full.err)
          .contains("the run was not recorded: the store " + file)
          .containsPattern(": disk full \\(not written: \\d+ results and the run's end\\)")
          .doesNotContain("SQLITE");
      assertThat(JSON.readTree(full.report("result.json")).get("status").asText())
          .isEqualTo("pass");

      CliRun spaceAgain = project("jdbc:sqlite:" + file);
      assertThat(spaceAgain.runChecks("-s", "many"))
          .as(spaceAgain.out + spaceAgain.err)
          .isEqualTo(ExitCodes.PASSED);

      assertThat(spaceAgain.run("history", "--json", "-c", dir + "/config/stagewatch.yaml"))
          .isZero();
      JsonNode runs = JSON.readTree(spaceAgain.out).get("runs");
      assertThat(runs).hasSize(2);
      assertThat(runs.get(0).get("status").asText()).isEqualTo("pass");
      assertThat(runs.get(0).get("counts").get("total").asInt()).isEqualTo(CHECKS);
      // The run on the full disk was recorded as started, and is marked as cut short.
      assertThat(runs.get(1).get("status").asText()).isEqualTo("aborted");
      // The write-ahead log was folded into the database and truncated, reader or not.
      Path wal = Path.of(file + "-wal");
      assertThat(Files.exists(wal) ? Files.size(wal) : 0L).isZero();
    }
  }

  @Test
  void whenTheReportsAndTheStoreBothFailTheErrorNamesBoth() throws Exception {
    CliRun full = diskFull();
    // A file where the report folder should be: the reports cannot be written either.
    Files.writeString(full.reportDir(), "not a folder");

    assertThat(full.runChecks("-s", "many")).as(full.out + full.err).isEqualTo(ExitCodes.INTERNAL);

    assertThat(full.err)
        .contains("the reports could not be written to " + full.reportDir())
        .contains("the run was not recorded: the store " + file)
        .contains("disk full");
  }
}
