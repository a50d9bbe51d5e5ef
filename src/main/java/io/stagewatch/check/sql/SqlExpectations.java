package io.stagewatch.check.sql;

import io.stagewatch.check.CheckOutcome;
import io.stagewatch.config.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code expect:} of an {@code sql} check.
 *
 * @param minRows the least rows the query may return; null for no lower bound
 * @param maxRows the most rows the query may return; null for no upper bound
 * @param checksValue whether the first column of the first row is compared
 * @param value the expected value; null means SQL NULL
 * @param degradedResponseTime the longest the query may take before a pass is degraded
 */
record SqlExpectations(
    @Nullable Long minRows,
    @Nullable Long maxRows,
    boolean checksValue,
    @Nullable String value,
    @Nullable Duration maxResponseTime,
    @Nullable Duration degradedResponseTime) {

  static final SqlExpectations NONE = new SqlExpectations(null, null, false, null, null, null);

  /** Whether anything beyond the response time is expected, which needs a query. */
  boolean needsQuery() {
    return minRows != null || maxRows != null || checksValue;
  }

  /** Judges a query's result; the first expectation that does not hold names the failure. */
  CheckOutcome evaluate(QueryResult result) {
    String rows = rowsProblem(result.rows());
    if (rows != null) {
      return CheckOutcome.failed(rows);
    }
    if (checksValue) {
      if (result.rows() == 0) {
        return CheckOutcome.failed("expected value " + shown(value) + ", but no row came back");
      }
      if (!matches(value, result.firstValue(), result.numeric())) {
        return CheckOutcome.failed(
            "expected value " + shown(value) + ", got " + shown(result.firstValue()));
      }
    }
    if (maxResponseTime != null && result.elapsed().compareTo(maxResponseTime) > 0) {
      return CheckOutcome.failed(
          "the query took "
              + result.elapsed().toMillis()
              + " ms, more than maxResponseTime "
              + Durations.format(maxResponseTime));
    }
    return CheckOutcome.passed();
  }

  private @Nullable String rowsProblem(long rows) {
    String got = ", got " + rows;
    if (minRows != null && minRows.equals(maxRows) && rows != minRows) {
      return "expected " + countedRows(minRows) + got;
    }
    if (minRows != null && rows < minRows) {
      return "expected at least " + countedRows(minRows) + got;
    }
    if (maxRows != null && rows > maxRows) {
      return "expected at most " + countedRows(maxRows) + got;
    }
    return null;
  }

  /**
   * A value of a numeric column compares by value ({@code 42} matches {@code 42.0}); any other
   * column compares as exact text, because version strings such as {@code 1.10} and {@code 1.1} are
   * different versions even though they read as equal numbers.
   */
  static boolean matches(@Nullable String expected, @Nullable String actual, boolean numeric) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    BigDecimal e = numeric ? number(expected) : null;
    BigDecimal a = numeric ? number(actual) : null;
    if (e != null && a != null) {
      return e.compareTo(a) == 0;
    }
    return Objects.equals(expected, actual);
  }

  private static @Nullable BigDecimal number(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String countedRows(long n) {
    return n + (n == 1 ? " row" : " rows");
  }

  private static String shown(@Nullable String value) {
    return value == null ? "NULL" : "'" + value + "'";
  }
}
