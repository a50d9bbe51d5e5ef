package io.stagewatch.store.jdbc;

import io.stagewatch.store.AlertState;
import io.stagewatch.store.AlertUpdate;
import io.stagewatch.store.NoticeStatus;
import io.stagewatch.store.OutboxNotice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The alert state and the outbox of notices; the same statements for both databases. */
final class NoticeQueries {
  /**
   * The {@code alerting} column holds whether the streak was announced in its lowest bit and, in
   * this bit, whether the streak is of degraded passes: so degraded streaks need no new column, and
   * the values 0 and 1 that stores already hold keep their meaning.
   */
  private static final int DEGRADED_STREAK = 2;

  private static final String UPSERT_STATE =
      "INSERT INTO alert_state (environment, check_id, consecutive_failures, alerting,"
          + " failing_since, last_notice_at) VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (environment, check_id) DO UPDATE SET"
          + " consecutive_failures = excluded.consecutive_failures,"
          + " alerting = excluded.alerting, failing_since = excluded.failing_since,"
          + " last_notice_at = excluded.last_notice_at";

  private static final String INSERT_NOTICE =
      "INSERT INTO notices (notice_id, environment, channel, run_id, kind, checks, payload,"
          + " status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)";

  private final DataSource pool;

  NoticeQueries(DataSource pool) {
    this.pool = pool;
  }

  /** Writes the policy's decision on the connection of the transaction that ends the run. */
  static void write(Connection c, String environment, AlertUpdate update) throws SQLException {
    for (AlertState s : update.states()) {
      Instant last = s.lastNoticeAt();
      Statements.update(
          c,
          UPSERT_STATE,
          environment,
          s.checkId(),
          s.consecutiveFailures(),
          (s.alerting() ? 1 : 0) | (s.degraded() ? DEGRADED_STREAK : 0),
          s.failingSince().toEpochMilli(),
          last == null ? Statements.NULL_LONG : last.toEpochMilli());
    }
    for (String checkId : update.cleared()) {
      Statements.update(
          c,
          "DELETE FROM alert_state WHERE environment = ? AND check_id = ?",
          environment,
          checkId);
    }
    for (OutboxNotice n : update.notices()) {
      Statements.update(
          c,
          INSERT_NOTICE,
          n.noticeId(),
          n.environment(),
          n.channel(),
          n.runId(),
          n.kind(),
          String.join("\n", n.checks()),
          n.payload(),
          n.createdAt().toEpochMilli());
    }
  }

  int waiting(String environment) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "SELECT COUNT(*) FROM notices WHERE environment = ?"
                    + " AND status IN ('PENDING', 'SENDING')")) {
      Statements.bind(st, environment);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  Map<String, AlertState> states(String environment) throws SQLException {
    Map<String, AlertState> states = new HashMap<>();
    try (Connection c = pool.getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "SELECT check_id, consecutive_failures, alerting, failing_since, last_notice_at"
                    + " FROM alert_state WHERE environment = ?")) {
      st.setString(1, environment);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          long last = rs.getLong(5);
          @Nullable Instant lastNotice = rs.wasNull() ? null : Instant.ofEpochMilli(last);
          int alerting = rs.getInt(3);
          states.put(
              rs.getString(1),
              new AlertState(
                  rs.getString(1),
                  rs.getInt(2),
                  (alerting & 1) != 0,
                  Instant.ofEpochMilli(rs.getLong(4)),
                  lastNotice,
                  (alerting & DEGRADED_STREAK) != 0));
        }
      }
    }
    return states;
  }

  List<OutboxNotice> claim(String environment, String channel, Instant now, Instant staleBefore)
      throws SQLException {
    List<OutboxNotice> claimed = new ArrayList<>();
    try (Connection c = pool.getConnection()) {
      for (OutboxNotice candidate : waiting(c, environment, channel, staleBefore)) {
        // The status in the WHERE clause makes the claim atomic: of two runs racing for the same
        // notice, only one update changes a row.
        int rows =
            Statements.update(
                c,
                "UPDATE notices SET status = 'SENDING', claimed_at = ?, attempts = attempts + 1"
                    + " WHERE notice_id = ? AND (status = 'PENDING'"
                    + " OR (status = 'SENDING' AND claimed_at < ?))",
                now.toEpochMilli(),
                candidate.noticeId(),
                staleBefore.toEpochMilli());
        if (rows == 1) {
          claimed.add(candidate);
        }
      }
    }
    return claimed;
  }

  private static List<OutboxNotice> waiting(
      Connection c, String environment, String channel, Instant staleBefore) throws SQLException {
    List<OutboxNotice> waiting = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT notice_id, environment, channel, run_id, kind, checks, payload, created_at"
                + " FROM notices WHERE environment = ? AND channel = ? AND (status = 'PENDING'"
                + " OR (status = 'SENDING' AND claimed_at < ?)) ORDER BY created_at, notice_id")) {
      Statements.bind(st, environment, channel, staleBefore.toEpochMilli());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String checks = rs.getString(6);
          waiting.add(
              new OutboxNotice(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  checks.isEmpty() ? List.of() : Arrays.asList(checks.split("\n")),
                  rs.getString(7),
                  Instant.ofEpochMilli(rs.getLong(8))));
        }
      }
    }
    return waiting;
  }

  void settle(String noticeId, NoticeStatus status, @Nullable String error, Instant at)
      throws SQLException {
    try (Connection c = pool.getConnection()) {
      Statements.update(
          c,
          "UPDATE notices SET status = ?, last_error = ?, settled_at = ? WHERE notice_id = ?",
          status.name(),
          error,
          at.toEpochMilli(),
          noticeId);
    }
  }
}
