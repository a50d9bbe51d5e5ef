package io.stagewatch.config;

import org.jspecify.annotations.Nullable;

/** A named database of an environment. Its password is collected as a secret when read. */
public record DatabaseConfig(
    String name, String url, @Nullable String user, @Nullable String password) {

  static @Nullable DatabaseConfig read(String name, MapReader r) {
    String url = r.requiredString("url");
    String user = r.string("user");
    String password = r.secret("password");
    r.finish();
    if (url == null) {
      return null;
    }
    if (!url.startsWith("jdbc:postgresql:")) {
      r.problem("url", "expected a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)");
    }
    r.interpolator().secrets().addUrl(r.nameOf("url"), url);
    return new DatabaseConfig(name, url, user, password);
  }
}
