package io.stagewatch.check.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A server that goes away during a run: its pooled connection is dead, the next check says so. */
class SqlServerStopsTest {

  @Test
  void aCheckAfterTheServerStoppedFailsWithinItsTimeout() throws Exception {
    Duration timeout = Duration.ofSeconds(2);
    try (SqlCheck check = new SqlCheck()) {
      try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
        check.database(db.config("main"));
        assertThat(check.run("sql: {database: main}", timeout).verdict())
            .isEqualTo(AttemptVerdict.PASSED);
      }

      long start = System.nanoTime();
      CheckOutcome outcome = check.run("sql: {database: main}", timeout);

      assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
      assertThat(outcome.message()).startsWith("connection refused by database main at localhost:");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusMillis(600));
    }
  }
}
