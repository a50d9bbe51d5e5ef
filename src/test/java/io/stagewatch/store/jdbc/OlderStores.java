package io.stagewatch.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** Stores as an older stagewatch left them, written with its own migration scripts. */
public final class OlderStores {
  private OlderStores() {}

  /**
   * A store of schema version 5 (before notification channels) holding one pending notice.
   *
   * @param url a SQLite or PostgreSQL URL of an empty store
   */
  public static void version5WithPendingNotice(
      String url, String noticeId, String runId, String payload, Instant createdAt)
      throws SQLException, IOException {
    String scripts = url.startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql";
    if (scripts.equals("sqlite")) {
      Path file = Path.of(url.substring("jdbc:sqlite:".length()));
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
      for (int version = 1; version <= 5; version++) {
        for (String statement : Migrations.statements(script(scripts, version))) {
          st.execute(statement);
        }
        st.execute("INSERT INTO schema_version VALUES (" + version + ", 0)");
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO notices (notice_id, environment, run_id, kind, checks, payload,"
                  + " status, created_at) VALUES (?, 'staging', ?, 'alert', 'health/up', ?,"
                  + " 'PENDING', ?)")) {
        insert.setString(1, noticeId);
        insert.setString(2, runId);
        insert.setString(3, payload);
        insert.setLong(4, createdAt.toEpochMilli());
        insert.executeUpdate();
      }
    }
  }

  private static String script(String folder, int version) throws IOException {
    String name = "/io/stagewatch/store/jdbc/" + folder + "/V" + version + ".sql";
    try (InputStream in = OlderStores.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
