package io.stagewatch.check.sql;

import io.stagewatch.check.Causes;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.config.Durations;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns what the pool and the driver throw into one line a person on call can act on, with the
 * SQLSTATE when there is one, and tells the failures that no retry can change from the rest. This
 * is the one place that knows the driver's exceptions; no class name or stack trace reaches a
 * message. Callers mask the result.
 */
final class SqlErrors {
  private static final int REASON_LIMIT = 300;

  /**
   * SQLSTATEs that the same check meets again however often it is tried: the credentials or the
   * database name are wrong, the query writes, or it is not valid SQL. Any SQLSTATE of class 28
   * (invalid authorization) counts too.
   */
  private static final Set<String> PERMANENT_STATES =
      Set.of(
          "3D000", // invalid_catalog_name: the server has no database of that name
          "25006", // read_only_sql_transaction: the query writes
          "42601"); // syntax_error

  private final DatabasePool pool;
  private final Duration timeout;

  SqlErrors(DatabasePool pool, Duration timeout) {
    this.pool = pool;
    this.timeout = timeout;
  }

  /** Whether a connection was lost or ended by the server, rather than the query failing. */
  static boolean isDeadConnection(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.equals("08006") || state.equals("08003") || state.startsWith("57P0");
  }

  /**
   * Whether no retry can change this failure. A lost connection, a timeout, a server that is
   * starting or shutting down and a query that fails on the data may all be different next time.
   */
  private static boolean isPermanent(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("28") || PERMANENT_STATES.contains(state);
  }

  /** The outcome of a check whose connection or query failed. */
  CheckOutcome outcome(SQLException e) {
    return isPermanent(e)
        ? CheckOutcome.permanentError(describe(e))
        : CheckOutcome.error(describe(e));
  }

  /** The outcome of a check that got no connection from the pool. */
  CheckOutcome outcome(NoConnectionException e) {
    return e.getCause() instanceof SQLException failure
        ? outcome(failure)
        : CheckOutcome.error(noConnection(e));
  }

  /** Why no connection came from the pool when opening one did not fail outright. */
  private String noConnection(NoConnectionException e) {
    if (e.busy()) {
      return "all "
          + DatabasePool.MAX_CONNECTIONS
          + " connections to database "
          + pool.name()
          + " were in use by other checks; none came free within "
          + e.waited().toMillis()
          + " ms (pool timeout)";
    }
    return "could not connect to database "
        + pool.name()
        + " at "
        + pool.target()
        + " within "
        + Durations.format(timeout)
        + ": the server did not answer";
  }

  /** What went wrong with a connection or a query. */
  private String describe(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String reason = reason(e);
    String suffix = state.isEmpty() ? "" : " (SQLSTATE " + state + ")";
    if (state.startsWith("28")) {
      return "authentication failed for database " + pool.name() + ": " + reason + suffix;
    }
    if (state.equals("3D000")) {
      return "unknown database at " + pool.target() + ": " + reason + suffix;
    }
    if (state.equals("57014")) {
      return "the query did not finish within "
          + Durations.format(timeout)
          + " and was cancelled"
          + suffix;
    }
    if (state.equals("25006")) {
      return "the check is read-only: " + reason + suffix;
    }
    if (state.equals("42601")) {
      return "syntax error in the query: " + reason + suffix;
    }
    if (state.startsWith("08")) {
      return connection(e, reason, suffix);
    }
    if (state.startsWith("57P")) {
      return "database " + pool.name() + " is not available: " + reason + suffix;
    }
    return "the query failed: " + reason + suffix;
  }

  private String connection(SQLException e, String reason, String suffix) {
    String where = " database " + pool.name() + " at " + pool.target();
    String lower = reason.toLowerCase(Locale.ROOT);
    if (Causes.has(e, UnknownHostException.class)) {
      return "unknown host for" + where + suffix;
    }
    if (Causes.has(e, ConnectException.class) || lower.contains("refused")) {
      return "connection refused by" + where + suffix;
    }
    if (Causes.has(e, SocketTimeoutException.class) || lower.contains("timed out")) {
      return "no answer from" + where + " within " + Durations.format(timeout) + suffix;
    }
    return "lost the connection to" + where + ": " + reason + suffix;
  }

  /** The server's own message when there is one, else the driver's, on one line. */
  private static String reason(SQLException e) {
    String text = null;
    if (e instanceof PSQLException p) {
      ServerErrorMessage server = p.getServerErrorMessage();
      text = server == null ? null : server.getMessage();
    }
    if (text == null) {
      text = e.getMessage();
    }
    return oneLine(text);
  }

  private static String oneLine(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return "no details";
    }
    String line = text.strip().lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
    return line.length() <= REASON_LIMIT ? line : line.substring(0, REASON_LIMIT) + "...";
  }
}
