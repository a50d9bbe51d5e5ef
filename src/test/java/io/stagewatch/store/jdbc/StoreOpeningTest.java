package io.stagewatch.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.TestClock;
import io.stagewatch.store.ResultStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store that is up to date, as nearly every run finds it, reads its schema version and
 * writes nothing: no transaction, no lock, so it does not wait for another process's write.
 */
class StoreOpeningTest {
  @TempDir Path dir;

  @Test
  void anUpToDateStoreOpensWhileAnotherProcessHoldsItsWriteLock() throws Exception {
    String file = dir.resolve("stagewatch.db").toString();
    TestClock clock = new TestClock();
    JdbcResultStore.open("jdbc:sqlite:" + file, dir, clock).close();

    try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = writer.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      // A short busy timeout: a store that wanted to write at its opening would fail at once.
      try (ResultStore store =
          JdbcResultStore.open("jdbc:sqlite:" + file + "?busy_timeout=100", dir, clock)) {
        assertThat(store.lastRuns("staging", 1)).isEmpty();
      }
      st.execute("ROLLBACK");
    }
  }

  @Test
  void aNewStoreIsMigratedToTheLatestVersionInOneGo() throws Exception {
    String file = dir.resolve("stagewatch.db").toString();
    JdbcResultStore.open("jdbc:sqlite:" + file, dir, new TestClock()).close();

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(Migrations.LATEST);
      assertThat(rs.getInt(2)).isEqualTo(Migrations.LATEST);
    }
  }
}
