package io.stagewatch.store.jdbc;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Why a store operation failed, in the words a person needs: {@code disk full}, {@code no answer
 * within 5 s}, or else the message of the failure's root cause (a driver's own wording).
 */
final class FailureReason {
  /** SQLite's result code for a full database or disk (SQLITE_FULL); extended codes share it. */
  static final int SQLITE_FULL = 13;

  /** PostgreSQL's SQLSTATE {@code disk_full}. */
  static final String POSTGRES_DISK_FULL = "53100";

  private FailureReason() {}

  static String of(Throwable e) {
    if (anyInChain(e, FailureReason::diskFull)) {
      return "disk full";
    }
    Throwable root = root(e);
    boolean timedOut =
        anyInChain(e, FailureReason::waitRanOut)
            // The pool's wait for a connection, whatever its last attempt met, unless the server
            // refused or could not be found: the root says so then.
            || (!(root instanceof IOException)
                && anyInChain(e, t -> containsIgnoringCase(t.getMessage(), "timed out")));
    if (timedOut) {
      return "no answer within " + Dialect.ANSWER_TIMEOUT.toSeconds() + " s";
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }

  private static boolean anyInChain(Throwable e, Predicate<Throwable> test) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean diskFull(Throwable t) {
    if (t instanceof SQLException sql) {
      // SQLite's driver gives the result code as the error code and names it in the message.
      boolean sqlite = String.valueOf(sql.getMessage()).startsWith("[SQLITE_");
      return (sqlite && (sql.getErrorCode() & 0xff) == SQLITE_FULL)
          || POSTGRES_DISK_FULL.equals(sql.getSQLState());
    }
    // A file beside the database (the run lock, the write-ahead log) on a full file system.
    return t instanceof IOException && containsIgnoringCase(t.getMessage(), "no space left");
  }

  private static boolean waitRanOut(Throwable t) {
    return t instanceof SocketTimeoutException || t instanceof SQLTimeoutException;
  }

  private static boolean containsIgnoringCase(@Nullable String text, String part) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(part);
  }

  private static Throwable root(Throwable e) {
    Throwable root = e;
    for (Throwable t = next(e); t != null; t = next(t)) {
      root = t;
    }
    return root;
  }

  private static @Nullable Throwable next(Throwable t) {
    Throwable cause = t.getCause();
    return cause == t ? null : cause;
  }
}
