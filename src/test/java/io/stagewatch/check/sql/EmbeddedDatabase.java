package io.stagewatch.check.sql;

import io.stagewatch.config.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server, with password authentication for everyone but the superuser (the
 * embedded server trusts every login by default, which would hide a wrong password), a login role
 * {@code app} and a small table. Either started by hand ({@link #start()}) or registered as a
 * static {@code @RegisterExtension} field ({@link #perTestClass()}), which starts it before the
 * class's tests and stops it after them.
 */
public final class EmbeddedDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  public static final String USER = "app";
  public static final String PASSWORD = "pg-Pa55w0rd-8841";

  private @Nullable EmbeddedPostgres postgres;

  private EmbeddedDatabase(@Nullable EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** A server for one test class, started and stopped by JUnit around the class's tests. */
  public static EmbeddedDatabase perTestClass() {
    return new EmbeddedDatabase(null);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    postgres = start().postgres;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  private EmbeddedPostgres postgres() {
    return Objects.requireNonNull(postgres, "the server is not started");
  }

  public static EmbeddedDatabase start() throws IOException, SQLException {
    Path hba = Files.createTempFile("pg_hba", ".conf");
    // The server reads it when it starts and again on a reload, so it stays until the tests end.
    hba.toFile().deleteOnExit();
    Files.writeString(
        hba,
        """
        host all postgres 127.0.0.1/32 trust
        host all postgres ::1/128 trust
        host all all 127.0.0.1/32 scram-sha-256
        host all all ::1/128 scram-sha-256
        """);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
    EmbeddedDatabase db = new EmbeddedDatabase(postgres);
    db.admin(
        "create role app login password '" + PASSWORD + "'",
        "create table widgets (id int primary key, name text not null)",
        "insert into widgets values (1, 'bolt'), (2, 'nut'), (3, 'gear')",
        "create table flyway_schema_history (installed_rank int, version text, success boolean)",
        "insert into flyway_schema_history values (1, '1.9', true), (2, '1.10', true)",
        "grant select on widgets, flyway_schema_history to app",
        "grant all on schema public to app");
    return db;
  }

  public int port() {
    return postgres().getPort();
  }

  public String url() {
    return "jdbc:postgresql://localhost:" + port() + "/postgres";
  }

  public DatabaseConfig config(String name) {
    return new DatabaseConfig(name, url(), USER, PASSWORD);
  }

  /** Runs statements as the superuser, from a connection of its own. */
  public void admin(String... statements) throws SQLException {
    try (Connection c = postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** Sessions the checks opened (they log in as {@code app}), seen from another connection. */
  public int checkSessions() throws SQLException {
    try (Connection c = postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        var rows = s.executeQuery("select count(*) from pg_stat_activity where usename = 'app'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** How many of the checks' sessions are running a statement that contains {@code fragment}. */
  public int checksRunning(String fragment) throws SQLException {
    try (Connection c = postgres().getPostgresDatabase().getConnection();
        var s =
            c.prepareStatement(
                "select count(*) from pg_stat_activity where usename = 'app'"
                    + " and state = 'active' and query like ?")) {
      s.setString(1, "%" + fragment + "%");
      try (var rows = s.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }
}
