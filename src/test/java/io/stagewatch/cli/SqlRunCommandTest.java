package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewatch.JavaSuiteCompiler;
import io.stagewatch.check.sql.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagewatch run} with database checks against a real PostgreSQL server. */
class SqlRunCommandTest {
  @RegisterExtension static final EmbeddedDatabase db = EmbeddedDatabase.perTestClass();

  @TempDir Path dir;
  CliRun cli;

  static final String WRONG_PASSWORD = "wr0ng-Pa55-6620";

  @BeforeEach
  void project() throws Exception {
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: http://127.0.0.1:9
                    databases:
                      main:
                        url: jdbc:postgresql://localhost:${DB_PORT}/postgres
                        user: app
                        password: ${STAGING_DB_PASSWORD}
                      stale:
                        url: jdbc:postgresql://localhost:${DB_PORT}/postgres?password=${OLD_DB_PASSWORD}
                        user: app
                defaults:
                  timeout: 3s
                  retry: {attempts: 2, delay: 50ms}
                """)
            .env("DB_PORT", Integer.toString(db.port()))
            .env("STAGING_DB_PASSWORD", EmbeddedDatabase.PASSWORD)
            .env("OLD_DB_PASSWORD", WRONG_PASSWORD);
  }

  @Test
  void databaseChecksGiveTheRightStatusesAndNoPasswordAnywhere() throws Exception {
    cli.suite(
        "db.yaml",
        """
        name: db
        tags: [db]
        checks:
          - name: reachable
            sql: {database: main}
          - name: widgets
            sql: {database: main, query: select * from widgets}
            expect: {rows: {min: 1, max: 3}}
          - name: too few widgets
            retry: {attempts: 1}
            sql: {database: main, query: select * from widgets}
            expect: {rows: {min: 10}}
          - name: schema version
            sql:
              database: main
              query: select version from flyway_schema_history order by installed_rank desc limit 1
            expect: {value: "${EXPECTED_SCHEMA_VERSION:-1.10}"}
          - name: write
            sql: {database: main, query: "delete from widgets"}
          - name: stale password
            sql: {database: stale}
          - name: unknown database
            sql: {database: reports}
        """);

    int exit = cli.runChecks("-t", "db");

    assertThat(exit).as(cli.out + cli.err).isEqualTo(ExitCodes.FAILED);
    Map<String, JsonNode> checks = checksByName(cli.report("result.json"));
    assertThat(status(checks, "reachable")).isEqualTo("PASSED");
    assertThat(checks.get("reachable").get("message").asText())
        .as("a connectivity check records the server version and round trip")
        .matches("PostgreSQL \\d+\\.\\d+.*, \\d+ ms");
    assertThat(status(checks, "widgets")).isEqualTo("PASSED");
    assertThat(status(checks, "schema version")).isEqualTo("PASSED");
    assertThat(status(checks, "too few widgets")).isEqualTo("FAILED");
    assertThat(checks.get("too few widgets").get("message").asText())
        .isEqualTo("expected at least 10 rows, got 3");
    assertThat(status(checks, "write")).isEqualTo("ERROR");
    assertThat(checks.get("write").get("message").asText())
        .startsWith("the check is read-only: cannot execute DELETE in a read-only transaction");
    assertThat(status(checks, "stale password")).isEqualTo("ERROR");
    assertThat(checks.get("stale password").get("message").asText())
        .contains("authentication failed for database stale")
        .contains("SQLSTATE 28P01");
    assertThat(status(checks, "unknown database")).isEqualTo("ERROR");
    assertThat(checks.get("unknown database").get("message").asText())
        .startsWith("no database 'reports' in environment staging (known: main, stale)");
    assertNoPasswordIn(cli.out, cli.err);
    try (Stream<Path> reports = Files.list(cli.reportDir())) {
      for (Path report : reports.toList()) {
        assertNoPasswordIn(Files.readString(report));
      }
    }
    assertThat(db.checkSessions()).as("connections left open after the run").isZero();
  }

  @Test
  void aQuerySlowerThanItsDegradedBoundPassesDegraded() throws Exception {
    cli.suite(
        "db.yaml",
        """
        name: db
        tags: [db]
        checks:
          - name: slow query
            timeout: 30s
            sql: {database: main, query: select pg_sleep(0.4)}
            expect: {rows: 1, degradedResponseTime: 200ms, maxResponseTime: 20s}
          - name: quick query
            timeout: 30s
            sql: {database: main, query: select 1}
            expect: {rows: 1, degradedResponseTime: 10s}
        """);

    assertThat(cli.runChecks("-t", "db")).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);

    Map<String, JsonNode> checks = checksByName(cli.report("result.json"));
    assertThat(status(checks, "slow query")).isEqualTo("PASSED");
    assertThat(checks.get("slow query").get("degraded").asBoolean()).isTrue();
    assertThat(checks.get("slow query").get("message").asText())
        .matches("1 row, \\d+ ms, more than degradedResponseTime 200ms");
    assertThat(checks.get("quick query").get("degraded").asBoolean()).isFalse();
  }

  @Test
  void theShippedDatabaseSuitePassesAgainstAMigratedDatabase() throws Exception {
    Files.createDirectories(dir.resolve("suites"));
    Files.copy(Path.of("suites/database.yaml"), dir.resolve("suites/database.yaml"));
    cli.env("EXPECTED_SCHEMA_VERSION", "1.10");

    int exit = cli.runChecks("-t", "db");

    assertThat(exit).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.out).contains("PASS   staging-database/migrations applied");
  }

  static final String JAVA_SUITE =
"""
      package extra;

      import io.stagewatch.suite.jupiter.Database;
      import io.stagewatch.suite.jupiter.StagewatchSuite;
      import java.sql.Connection;
      import java.sql.ResultSet;
      import java.sql.SQLException;
      import java.sql.Statement;
      import javax.sql.DataSource;
      import org.junit.jupiter.api.Tag;
      import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

      @StagewatchSuite
      @Tag("dbjava")
      class WidgetSuite {
        @Test
        void widgetsCanBeCounted(@Database("main") DataSource db) throws Exception {
          try (Connection c = db.getConnection();
              Statement s = c.createStatement();
              ResultSet rows = s.executeQuery("select count(*) from widgets")) {
            rows.next();
            if (rows.getInt(1) != 3) {
              throw new AssertionError("expected 3 widgets, got " + rows.getInt(1));
            }
          }
        }

        @Test
        void writesAreRefused(@Database("main") DataSource db) throws Exception {
          try (Connection c = db.getConnection();
              Statement s = c.createStatement()) {
            s.execute("delete from widgets");
            throw new AssertionError("the delete went through");
          } catch (SQLException e) {
            if (!"25006".equals(e.getSQLState())) {
              throw e;
            }
          }
        }
      }
      """;

  @Test
  void javaSuitesGetReadOnlyDataSourcesByName() throws Exception {
    cli.suite("none.yaml", "name: none\ntags: [none]\nchecks:\n  - name: x\n    http: {path: /}\n");
    Path classes = JavaSuiteCompiler.compile(dir, "WidgetSuite", JAVA_SUITE);

    int exit = cli.runChecks("-t", "dbjava", "--classpath", classes.toString());

    assertThat(exit).as(cli.out + cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(checksByName(cli.report("result.json"))).hasSize(2);
    assertThat(db.checkSessions()).isZero();
  }

  @Test
  void databaseChecksAreSkippedInAnEnvironmentWithoutDatabases() throws Exception {
    CliRun plain =
        new CliRun(dir.resolve("plain"))
            .config("environments:\n  staging: {baseUrl: 'http://127.0.0.1:9'}\n")
            .suite(
                "db.yaml",
                "name: db\ntags: [db]\nchecks:\n  - name: reachable\n    sql: {database: main}\n");

    assertThat(plain.runChecks("-t", "db")).as(plain.out + plain.err).isEqualTo(ExitCodes.PASSED);

    JsonNode check = checksByName(plain.report("result.json")).get("reachable");
    assertThat(check.get("status").asText()).isEqualTo("SKIPPED");
    assertThat(check.get("message").asText())
        .isEqualTo("environment staging has no databases configured");
  }

  private static void assertNoPasswordIn(String... texts) {
    for (String text : texts) {
      assertThat(text).doesNotContain(EmbeddedDatabase.PASSWORD).doesNotContain(WRONG_PASSWORD);
    }
  }

  private static String status(Map<String, JsonNode> checks, String name) {
    JsonNode check = checks.get(name);
    assertThat(check).as("check " + name).isNotNull();
    return check.get("status").asText();
  }

  private static Map<String, JsonNode> checksByName(String json) throws Exception {
    Map<String, JsonNode> byName = new HashMap<>();
    new ObjectMapper()
        .readTree(json)
        .get("checks")
        .forEach(c -> byName.put(c.get("name").asText(), c));
    return byName;
  }
}
