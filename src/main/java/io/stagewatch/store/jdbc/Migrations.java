package io.stagewatch.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * Versioned schema changes: {@code V<n>.sql} per database, applied in order on start, each version
 * recorded in {@code schema_version}. All pending versions go in one transaction, so a store is
 * never left half-migrated; a store already up to date costs a start one read of its version.
 * Scripts are never edited once released; a change is a new version.
 */
final class Migrations {
  /** The schema version this build writes. */
  static final int LATEST = 7;

  private Migrations() {}

  /**
   * Brings the schema up to {@code target}, recording each version applied at {@code clock}'s time.
   *
   * @return the version the store had before
   * @throws SQLException also when the store was written by a newer stagewatch
   */
  static int migrate(DataSource data, Dialect dialect, int target, Clock clock)
      throws SQLException {
    OptionalInt recorded = recordedVersion(data);
    if (recorded.isPresent() && recorded.getAsInt() >= target) {
      // Up to date, as nearly every start finds it: one row read, no transaction, no lock.
      return notNewerThanThisBuild(recorded.getAsInt());
    }
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        String lock = dialect.migrationLockStatement();
        if (lock != null) {
          st.execute(lock);
        }
        st.execute(
            "CREATE TABLE IF NOT EXISTS schema_version"
                + " (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
        int current = notNewerThanThisBuild(current(st));
        for (int version = current + 1; version <= target; version++) {
          apply(c, st, dialect, version, clock.millis());
        }
        c.commit();
        return current;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * The version the store records, read outside a transaction; empty when it cannot be read (a new
   * store has no {@code schema_version} yet), and then the migration finds out in its transaction.
   */
  private static OptionalInt recordedVersion(DataSource data) {
    try (Connection c = data.getConnection();
        Statement st = c.createStatement()) {
      return OptionalInt.of(current(st));
    } catch (SQLException e) {
      return OptionalInt.empty();
    }
  }

  private static int notNewerThanThisBuild(int version) throws SQLException {
    if (version > LATEST) {
      throw new SQLException(
          "the store has schema version "
              + version
              + ", written by a newer stagewatch; this one knows up to "
              + LATEST);
    }
    return version;
  }

  private static int current(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static void apply(
      Connection c, Statement st, Dialect dialect, int version, long appliedAtMillis)
      throws SQLException {
    for (String statement : statements(script(dialect, version))) {
      st.execute(statement);
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
      insert.setInt(1, version);
      insert.setLong(2, appliedAtMillis);
      insert.executeUpdate();
    }
  }

  private static String script(Dialect dialect, int version) {
    String name = dialect.scripts() + "/V" + version + ".sql";
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration script " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits a script at the semicolons that end lines; comment lines are dropped. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
