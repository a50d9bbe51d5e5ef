package io.stagewatch.check.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select 1",
        "select 1;",
        "select 1 ;  \n",
        "select 1; -- done; really",
        "select ';'",
        "select 'it''s; fine'",
        "select E'a\\'; b'",
        "select \"odd;name\" from t",
        "select $$a; b$$",
        "select $tag$ ; $$ ; $tag$",
        "select /* one; /* nested; */ still */ 1",
        "select a$b from t where x = $1",
        "select 1; /* trailing comment */"
      })
  void oneStatementCountsAsOne(String sql) {
    assertThat(new SqlText(sql).statementCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select 1; select 2",
        "select 1; delete from t",
        "select ';'; select 2",
        "select $$;$$; drop table t",
        "select 1 -- note\n; select 2"
      })
  void twoStatementsCountAsTwo(String sql) {
    assertThat(new SqlText(sql).statementCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", ";", " ; ; ", "-- nothing", "/* nothing */ ;"})
  void blankTextHoldsNoStatement(String sql) {
    assertThat(new SqlText(sql).statementCount()).isZero();
  }
}
