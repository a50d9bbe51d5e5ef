package io.stagewatch.check.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.config.DatabaseConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code sql} checks against a real PostgreSQL server. */
class SqlCheckTest {
  @RegisterExtension static final EmbeddedDatabase db = EmbeddedDatabase.perTestClass();
  SqlCheck check;

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  @BeforeEach
  void newRun() {
    check = new SqlCheck().database(db.config("main"));
  }

  @AfterEach
  void endRun() {
    check.close();
  }

  @Test
  void aConnectivityCheckPassesAndReportsTheServerVersionAndTime() throws Exception {
    CheckOutcome outcome = check.run("sql: {database: main}", TIMEOUT);

    assertThat(outcome.verdict()).as(outcome.message()).isEqualTo(AttemptVerdict.PASSED);
    assertThat(outcome.message()).matches("PostgreSQL 1\\d\\.\\d+.*, \\d+ ms");
  }

  @Test
  void aValueThatMatchesPassesAndOneThatDoesNotFailsSayingBoth() throws Exception {
    String query = "sql: {database: main, query: \"select name from widgets where id = 2\"}\n";

    assertThat(check.run(query + "expect: {value: nut}", TIMEOUT).verdict())
        .isEqualTo(AttemptVerdict.PASSED);
    CheckOutcome wrong = check.run(query + "expect: {value: bolt}", TIMEOUT);
    assertThat(wrong.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(wrong.message()).isEqualTo("expected value 'bolt', got 'nut'");
  }

  @Test
  void numbersCompareByValueButTextComparesExactly() throws Exception {
    assertThat(
            check
                .run(
                    "sql: {database: main, query: \"select 42::numeric(5,1)\"}\nexpect: {value: 42}",
                    TIMEOUT)
                .verdict())
        .isEqualTo(AttemptVerdict.PASSED);
    assertThat(
            check
                .run(
                    "sql: {database: main, query: select count(*) from widgets}\nexpect: {value: 3}",
                    TIMEOUT)
                .verdict())
        .isEqualTo(AttemptVerdict.PASSED);
    CheckOutcome version =
        check.run(
            """
            sql:
              database: main
              query: select version from flyway_schema_history order by installed_rank desc limit 1
            expect: {value: "1.1"}
            """,
            TIMEOUT);
    assertThat(version.message()).isEqualTo("expected value '1.1', got '1.10'");
  }

  @Test
  void booleansAndNullsCompareAsWritten() throws Exception {
    assertThat(
            check
                .run("sql: {database: main, query: select true}\nexpect: {value: true}", TIMEOUT)
                .verdict())
        .isEqualTo(AttemptVerdict.PASSED);
    assertThat(
            check
                .run("sql: {database: main, query: select null}\nexpect: {value: null}", TIMEOUT)
                .verdict())
        .isEqualTo(AttemptVerdict.PASSED);
    assertThat(
            check
                .run("sql: {database: main, query: select 1}\nexpect: {value: null}", TIMEOUT)
                .message())
        .isEqualTo("expected value NULL, got '1'");
  }

  @Test
  void rowCountsPassWithinTheirBoundsAndFailOutside() throws Exception {
    String query = "sql: {database: main, query: select * from widgets}\n";

    assertThat(check.run(query + "expect: {rows: 3}", TIMEOUT).verdict())
        .isEqualTo(AttemptVerdict.PASSED);
    assertThat(check.run(query + "expect: {rows: {min: 1, max: 3}}", TIMEOUT).verdict())
        .isEqualTo(AttemptVerdict.PASSED);
    assertThat(check.run(query + "expect: {rows: 2}", TIMEOUT).message())
        .isEqualTo("expected 2 rows, got 3");
    assertThat(check.run(query + "expect: {rows: {min: 5}}", TIMEOUT).message())
        .isEqualTo("expected at least 5 rows, got 3");
    assertThat(check.run(query + "expect: {rows: {max: 1}}", TIMEOUT).message())
        .isEqualTo("expected at most 1 row, got 3");
  }

  @Test
  void aValueExpectedFromAnEmptyResultFails() throws Exception {
    CheckOutcome outcome =
        check.run(
            "sql: {database: main, query: select name from widgets where id = 99}\n"
                + "expect: {value: bolt}",
            TIMEOUT);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(outcome.message()).isEqualTo("expected value 'bolt', but no row came back");
  }

  @Test
  void writesAreRefusedBecauseTheCheckIsReadOnly() throws Exception {
    CheckOutcome insert =
        check.run("sql: {database: main, query: \"insert into widgets values (9, 'x')\"}", TIMEOUT);
    CheckOutcome create =
        check.run("sql: {database: main, query: create table t (x int)}", TIMEOUT);

    assertThat(insert.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(insert.message())
        .startsWith("the check is read-only: cannot execute INSERT in a read-only transaction")
        .endsWith("(SQLSTATE 25006)");
    assertThat(create.message()).startsWith("the check is read-only: cannot execute CREATE TABLE");
    assertThat(
            check
                .run(
                    "sql: {database: main, query: select * from widgets}\nexpect: {rows: 3}",
                    TIMEOUT)
                .verdict())
        .isEqualTo(AttemptVerdict.PASSED);
  }

  @Test
  void aSlowQueryIsCancelledAtTheCheckTimeout() throws Exception {
    long start = System.nanoTime();
    CheckOutcome outcome =
        check.run("sql: {database: main, query: select pg_sleep(30)}", Duration.ofSeconds(2));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(outcome.message())
        .isEqualTo("the query did not finish within 2s and was cancelled (SQLSTATE 57014)");
    assertThat(took).isBetween(Duration.ofMillis(1_500), Duration.ofMillis(2_500));
  }

  @Test
  void maxResponseTimeFailsASlowButSuccessfulQuery() throws Exception {
    CheckOutcome outcome =
        check.run(
            "sql: {database: main, query: select pg_sleep(0.3)}\nexpect: {maxResponseTime: 100ms}",
            TIMEOUT);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.FAILED);
    assertThat(outcome.message())
        .matches("the query took \\d+ ms, more than maxResponseTime 100ms");
  }

  @Test
  void aWrongPasswordGivesAnAuthenticationMessageWithoutThePassword() throws Exception {
    String wrong = "not-the-Pa55word-1234";
    check.database(new DatabaseConfig("other", db.url(), "app", wrong));

    long start = System.nanoTime();
    CheckOutcome outcome = check.run("sql: {database: other}", TIMEOUT);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(outcome.message())
        .isEqualTo(
            "authentication failed for database other: password authentication failed for user"
                + " \"app\" (SQLSTATE 28P01)")
        .doesNotContain(wrong);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
  }

  @Test
  void aPasswordInTheUrlNeverShows() throws Exception {
    String secret = "url-Pa55-5150";
    check.database(
        new DatabaseConfig(
            "byurl",
            "jdbc:postgresql://localhost:" + db.port() + "/postgres?user=app&password=" + secret,
            null,
            null));

    CheckOutcome outcome = check.run("sql: {database: byurl, query: select 1}", TIMEOUT);

    assertThat(outcome.message()).contains("authentication failed").doesNotContain(secret);
  }

  @Test
  void aDatabaseTheServerDoesNotHaveIsNamed() throws Exception {
    check.database(
        new DatabaseConfig(
            "gone",
            "jdbc:postgresql://localhost:" + db.port() + "/nope",
            EmbeddedDatabase.USER,
            EmbeddedDatabase.PASSWORD));

    CheckOutcome outcome = check.run("sql: {database: gone}", TIMEOUT);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(outcome.message())
        .isEqualTo(
            "unknown database at localhost:"
                + db.port()
                + "/nope: database \"nope\" does not exist (SQLSTATE 3D000)");
  }

  @Test
  void aDatabaseNameTheEnvironmentDoesNotHaveIsAnErrorListingTheKnownOnes() throws Exception {
    CheckOutcome outcome = check.run("sql: {database: reports}", TIMEOUT);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(outcome.message())
        .isEqualTo("no database 'reports' in environment staging (known: main)");
  }

  @Test
  void aSyntaxErrorIsReportedInOneLine() throws Exception {
    CheckOutcome outcome = check.run("sql: {database: main, query: selec 1}", TIMEOUT);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(outcome.message())
        .isEqualTo("syntax error in the query: syntax error at or near \"selec\" (SQLSTATE 42601)");
  }

  @Test
  void aMissingTableIsAnErrorWithItsSqlState() throws Exception {
    CheckOutcome outcome =
        check.run("sql: {database: main, query: select * from nothing}", TIMEOUT);

    assertThat(outcome.message())
        .isEqualTo("the query failed: relation \"nothing\" does not exist (SQLSTATE 42P01)");
  }

  @Test
  void connectionsAreClosedWhenTheRunEnds() throws Exception {
    check.run("sql: {database: main}", TIMEOUT);
    assertThat(db.checkSessions()).isPositive();

    check.close();

    // The server drops a backend a moment after its client hangs up.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(db.checkSessions()).isZero());
  }
}
