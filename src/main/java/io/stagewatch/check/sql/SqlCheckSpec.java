package io.stagewatch.check.sql;

import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.check.DegradedResponseTime;
import io.stagewatch.config.EnvironmentConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An {@code sql} check: one statement in a read-only transaction that is always rolled back, or,
 * without a query, a connectivity check that asks the server for its version.
 *
 * @param query null for a connectivity check
 */
public record SqlCheckSpec(String database, @Nullable String query, SqlExpectations expect)
    implements CheckSpec {
  static final String VERSION_QUERY = "select current_setting('server_version')";

  @Override
  public CheckOutcome attempt(CheckContext context) {
    CheckOutcome outcome = run(context);
    String message = outcome.message();
    return message == null ? outcome : outcome.withMessage(context.secrets().mask(message));
  }

  /**
   * An environment with no databases at all skips database checks, so the shipped suites work
   * against one that has only HTTP; a database name it lacks among others is an ERROR.
   */
  @Override
  public @Nullable String unavailableIn(EnvironmentConfig environment) {
    return environment.databases().isEmpty()
        ? "environment " + environment.name() + " has no databases configured"
        : null;
  }

  private CheckOutcome run(CheckContext context) {
    int statements = query == null ? 1 : new SqlText(query).statementCount();
    if (statements != 1) {
      return CheckOutcome.permanentError(SqlCheckKind.statementProblem(statements));
    }
    Databases databases =
        Databases.of(context.resources(), context.environment().databases(), context.timeout());
    DatabasePool pool = databases.pool(database, context.timeout());
    if (pool == null) {
      return CheckOutcome.permanentError(
          unknownDatabase(context.environment().name(), databases.names()));
    }
    SqlErrors errors = new SqlErrors(pool, context.timeout());
    try {
      return judge(query(pool, context));
    } catch (NoConnectionException e) {
      return errors.outcome(e);
    } catch (SQLException e) {
      return errors.outcome(e);
    }
  }

  /**
   * Runs the query; once more on a fresh connection if the pooled one turns out to be dead (the
   * server restarted or ended the session since it was opened), because that says nothing about the
   * database now. A second failure is reported as it is.
   */
  private QueryResult query(DatabasePool pool, CheckContext context)
      throws NoConnectionException, SQLException {
    try {
      return queryOnce(pool, context);
    } catch (SQLException e) {
      if (!SqlErrors.isDeadConnection(e) || context.remaining().isZero()) {
        throw e;
      }
      return queryOnce(pool, context);
    }
  }

  private QueryResult queryOnce(DatabasePool pool, CheckContext context)
      throws NoConnectionException, SQLException {
    context.resources().waitingOnNetwork();
    try (Connection connection = pool.borrow(context.remaining())) {
      try {
        return new ReadOnlyQuery(context.deadlineNanos())
            .run(connection, query == null ? VERSION_QUERY : query);
      } finally {
        rollback(connection);
      }
    }
  }

  /** A pass says what was seen (server version or rows, and time), for the reports. */
  private CheckOutcome judge(QueryResult result) {
    CheckOutcome outcome = expect.evaluate(result);
    if (!outcome.isPassed()) {
      return outcome;
    }
    String time = result.elapsed().toMillis() + " ms";
    String seen =
        query == null
            ? "PostgreSQL " + result.firstValue()
            : result.rows() + (result.rows() == 1 ? " row" : " rows");
    return DegradedResponseTime.judge(
        result.elapsed(), expect.degradedResponseTime(), seen + ", " + time, seen + ", " + time);
  }

  /**
   * Nothing a check runs is ever committed. A rollback that fails means a broken connection, which
   * the pool drops; the query's own outcome is what the check reports.
   */
  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The pool evicts a connection whose rollback failed; the outcome stands.
    }
  }

  private String unknownDatabase(String environment, Set<String> known) {
    return "no database '"
        + database
        + "' in environment "
        + environment
        + (known.isEmpty()
            ? " (it has no databases configured)"
            : " (known: " + String.join(", ", known) + ")");
  }
}
