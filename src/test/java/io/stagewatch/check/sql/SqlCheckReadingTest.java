package io.stagewatch.check.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.config.DatabaseConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reading {@code sql:} checks: every problem found at load, with its location. */
class SqlCheckReadingTest {
  final SqlCheck check = new SqlCheck();

  @Test
  void aConnectivityCheckNeedsOnlyADatabase() {
    SqlCheckSpec spec = (SqlCheckSpec) check.read("sql: {database: main}");

    assertThat(spec.database()).isEqualTo("main");
    assertThat(spec.query()).isNull();
  }

  @Test
  void theDatabaseIsRequired() {
    assertThat(check.problems("sql: {query: select 1}"))
        .containsExactly("suite.yaml:1:6: checks[0].sql.database: required key is missing");
  }

  @Test
  void aQueryWithTwoStatementsIsRefusedAtLoad() {
    assertThat(check.problems("sql: {database: main, query: \"select 1; delete from t\"}"))
        .containsExactly(
            "suite.yaml:1:30: checks[0].sql.query: the query holds 2 statements; a check runs"
                + " exactly one (a trailing semicolon is fine)");
  }

  @Test
  void anEmptyQueryIsRefused() {
    assertThat(check.problems("sql: {database: main, query: \" ; \"}"))
        .singleElement()
        .asString()
        .contains("the query is empty");
  }

  @Test
  void rowsTakeANumberOrARange() {
    SqlCheckSpec exact =
        (SqlCheckSpec) check.read("sql: {database: m, query: select 1}\nexpect: {rows: 2}");
    SqlCheckSpec range =
        (SqlCheckSpec) check.read("sql: {database: m, query: select 1}\nexpect: {rows: {min: 1}}");

    assertThat(exact.expect().minRows()).isEqualTo(2L);
    assertThat(exact.expect().maxRows()).isEqualTo(2L);
    assertThat(range.expect().minRows()).isEqualTo(1L);
    assertThat(range.expect().maxRows()).isNull();
  }

  @Test
  void badRowExpectationsAreReported() {
    assertThat(check.problems("sql: {database: m, query: select 1}\nexpect: {rows: many}"))
        .singleElement()
        .asString()
        .contains("checks[0].expect.rows: expected a whole number, got 'many'");
    assertThat(
            check.problems(
                "sql: {database: m, query: select 1}\nexpect: {rows: {min: 3, max: 1, mid: 2}}"))
        .anySatisfy(p -> assertThat(p).contains("rows.mid: unknown key"))
        .anySatisfy(p -> assertThat(p).contains("rows.max: max 1 is less than min 3"));
  }

  @Test
  void valueAndRowsNeedAQuery() {
    assertThat(check.problems("sql: {database: m}\nexpect: {value: 1}"))
        .singleElement()
        .asString()
        .contains("rows and value expectations need a query");
  }

  @Test
  void unknownKeysAreReported() {
    assertThat(check.problems("sql: {database: m, querry: select 1}"))
        .singleElement()
        .asString()
        .contains("checks[0].sql.querry: unknown key (expected one of: database, query)");
  }

  @Test
  void aMultiStatementQueryIsRefusedBeforeAnythingIsSentEvenIfItGotPastLoading() throws Exception {
    check.database(new DatabaseConfig("m", "jdbc:postgresql://127.0.0.1:1/x", null, null));
    SqlCheckSpec spec = new SqlCheckSpec("m", "select 1; drop table widgets", SqlExpectations.NONE);

    CheckOutcome outcome = check.attempt(spec, Duration.ofSeconds(1));

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(outcome.message()).startsWith("the query holds 2 statements");
    check.close();
  }
}
