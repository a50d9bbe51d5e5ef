package io.stagewatch.store.jdbc;

import io.stagewatch.store.Silence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The {@link io.stagewatch.store.Silences}' SQL, the same for both databases. */
final class SilenceQueries {
  private static final String COLUMNS =
      "SELECT silence_id, environment, suites, tags, starts_at, ends_at, ended_early, reason"
          + " FROM silences";

  /** Suites are kept as one text, a name a line: a suite name is one line of text. */
  private static final String SUITE_SEPARATOR = "\n";

  private final DataSource pool;

  SilenceQueries(DataSource pool) {
    this.pool = pool;
  }

  void add(Silence s) throws SQLException {
    try (Connection c = pool.getConnection()) {
      Statements.update(
          c,
          "INSERT INTO silences (silence_id, environment, suites, tags, starts_at, ends_at,"
              + " ended_early, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          s.id(),
          s.environment(),
          String.join(SUITE_SEPARATOR, s.suites()),
          s.tags(),
          s.startsAt().toEpochMilli(),
          s.endsAt().toEpochMilli(),
          s.endedEarly() ? 1 : 0,
          s.reason());
    }
  }

  Optional<Silence> one(String id) throws SQLException {
    List<Silence> found = select(" WHERE silence_id = ?", id);
    return found.stream().findFirst();
  }

  List<Silence> endingAfter(Instant since) throws SQLException {
    return select(" WHERE ends_at > ? ORDER BY ends_at DESC, silence_id", since.toEpochMilli());
  }

  List<Silence> active(String environment, Instant now) throws SQLException {
    long at = now.toEpochMilli();
    return select(
        " WHERE environment = ? AND starts_at <= ? AND ends_at > ? ORDER BY starts_at, silence_id",
        environment,
        at,
        at);
  }

  boolean end(String id, Instant now) throws SQLException {
    long at = now.toEpochMilli();
    try (Connection c = pool.getConnection()) {
      return Statements.update(
              c,
              "UPDATE silences SET ends_at = ?, ended_early = 1 WHERE silence_id = ? AND ends_at > ?",
              at,
              id,
              at)
          == 1;
    }
  }

  /** Deletes the silences over before {@code cutoff}: retention keeps nothing older. */
  static void deleteEndedBefore(Connection c, Instant cutoff) throws SQLException {
    Statements.update(c, "DELETE FROM silences WHERE ends_at < ?", cutoff.toEpochMilli());
  }

  private List<Silence> select(String where, @Nullable Object... args) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement st = c.prepareStatement(COLUMNS + where)) {
      Statements.bind(st, args);
      List<Silence> silences = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String suites = rs.getString(3);
          silences.add(
              new Silence(
                  rs.getString(1),
                  rs.getString(2),
                  suites.isEmpty() ? List.of() : List.of(suites.split(SUITE_SEPARATOR)),
                  rs.getString(4),
                  Instant.ofEpochMilli(rs.getLong(5)),
                  Instant.ofEpochMilli(rs.getLong(6)),
                  rs.getInt(7) == 1,
                  rs.getString(8)));
        }
      }
      return silences;
    }
  }
}
