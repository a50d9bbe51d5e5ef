package io.stagewatch.check.sql;

import io.stagewatch.check.CheckKind;
import io.stagewatch.check.CheckResources;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.check.DegradedResponseTime;
import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.MapReader;
import io.stagewatch.config.YamlNode;
import io.stagewatch.config.YamlNode.YamlMap;
import io.stagewatch.config.YamlNode.YamlScalar;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code sql:} checks. The database name is checked when the check runs, because a suite does
 * not know which environment it will run against.
 */
public final class SqlCheckKind implements CheckKind {

  @Override
  public String key() {
    return "sql";
  }

  @Override
  public @Nullable CheckSpec read(MapReader spec, @Nullable MapReader expect) {
    int problemsBefore = spec.problems().size();
    String database = spec.requiredString("database");
    String query = readQuery(spec);
    SqlExpectations expectations = expect == null ? SqlExpectations.NONE : readExpect(expect);
    spec.finish();
    if (expect != null) {
      expect.finish();
    }
    if (expectations != null && expectations.needsQuery() && !spec.has("query")) {
      spec.problem("rows and value expectations need a query; without one the check only connects");
    }
    if (database == null || expectations == null || spec.problems().size() > problemsBefore) {
      return null;
    }
    return new SqlCheckSpec(database, query, expectations);
  }

  /** Why a query text is refused; every check runs exactly one statement. */
  static String statementProblem(int statements) {
    return statements == 0
        ? "the query is empty; leave query out for a connectivity check"
        : "the query holds "
            + statements
            + " statements; a check runs exactly one (a trailing semicolon is fine)";
  }

  private static @Nullable String readQuery(MapReader spec) {
    YamlNode node = spec.node("query");
    if (node instanceof YamlScalar s && s.isNull()) {
      spec.problem("query", statementProblem(0));
      return null;
    }
    String query = spec.string("query");
    if (query != null) {
      int statements = new SqlText(query).statementCount();
      if (statements != 1) {
        spec.problem("query", statementProblem(statements));
      }
    }
    return query;
  }

  private static @Nullable SqlExpectations readExpect(MapReader expect) {
    int problemsBefore = expect.problems().size();
    RowRange rows = readRows(expect);
    YamlNode valueNode = expect.node("value");
    boolean checksValue = valueNode != null;
    String value =
        valueNode == null || valueNode instanceof YamlScalar s && s.isNull()
            ? null
            : expect.text(valueNode, expect.keyPath("value"));
    Duration maxResponseTime = expect.duration("maxResponseTime");
    Duration degradedResponseTime = DegradedResponseTime.read(expect, maxResponseTime);
    if (expect.problems().size() > problemsBefore) {
      return null;
    }
    return new SqlExpectations(
        rows.min(), rows.max(), checksValue, value, maxResponseTime, degradedResponseTime);
  }

  /** The bounds of {@code rows:}; either may be absent. */
  private record RowRange(@Nullable Long min, @Nullable Long max) {
    static final RowRange ANY = new RowRange(null, null);

    static RowRange of(@Nullable Integer min, @Nullable Integer max) {
      return new RowRange(
          min == null ? null : min.longValue(), max == null ? null : max.longValue());
    }
  }

  /** {@code rows: N} or {@code rows: {min, max}}. */
  private static RowRange readRows(MapReader expect) {
    YamlNode node = expect.node("rows");
    if (node == null) {
      return RowRange.ANY;
    }
    if (!(node instanceof YamlMap)) {
      Integer exact = expect.integer("rows", 0, Integer.MAX_VALUE);
      return RowRange.of(exact, exact);
    }
    MapReader range = expect.child("rows");
    if (range == null) {
      return RowRange.ANY;
    }
    Integer min = range.integer("min", 0, Integer.MAX_VALUE);
    Integer max = range.integer("max", 0, Integer.MAX_VALUE);
    range.finish();
    if (!range.has("min") && !range.has("max")) {
      range.problem("expected min, max or both");
    } else if (min != null && max != null && min > max) {
      range.problem("max", "max " + max + " is less than min " + min);
    }
    return RowRange.of(min, max);
  }

  @Override
  public Map<String, DataSource> dataSources(
      CheckResources resources, EnvironmentConfig environment, Duration timeout) {
    return Databases.of(resources, environment.databases(), timeout).dataSources();
  }
}
