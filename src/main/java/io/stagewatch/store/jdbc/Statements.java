package io.stagewatch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/** Binding parameters the same way for both databases. */
final class Statements {
  /** A null for a BIGINT column: PostgreSQL refuses a VARCHAR null there. */
  static final Object NULL_LONG = new TypedNull(Types.BIGINT);

  private record TypedNull(int sqlType) {}

  private Statements() {}

  static int update(Connection c, String sql, @Nullable Object... args) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      bind(st, args);
      return st.executeUpdate();
    }
  }

  /** Binds strings, ints and longs; a null is bound as a VARCHAR null, which both accept. */
  static void bind(PreparedStatement st, @Nullable Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      switch (arg) {
        case null -> st.setNull(i + 1, Types.VARCHAR);
        case TypedNull t -> st.setNull(i + 1, t.sqlType());
        case String s -> st.setString(i + 1, s);
        case Integer n -> st.setInt(i + 1, n);
        case Long n -> st.setLong(i + 1, n);
        default -> throw new IllegalArgumentException("cannot bind " + arg.getClass());
      }
    }
  }
}
