package io.stagewatch.store.jdbc;

import io.stagewatch.store.RunLock;
import io.stagewatch.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * SQLite: one file, its directory created on demand. The run lock is an OS file lock on a file
 * beside the database, one per environment, which the OS drops when the holding process dies.
 * Parameters in the URL ({@code ?name=value}, the driver's pragmas) are passed on to the driver.
 */
final class SqliteDialect implements Dialect {
  static final String PREFIX = "jdbc:sqlite:";

  /** How long a writer waits for another process's write to finish before giving up. */
  static final long BUSY_TIMEOUT_MS = ANSWER_TIMEOUT.toMillis();

  private final Path file;
  private final String parameters;

  private SqliteDialect(Path file, String parameters) {
    this.file = file;
    this.parameters = parameters;
  }

  /**
   * The database file of {@code url}, resolved against {@code baseDir} when relative, with its
   * directory created.
   */
  static SqliteDialect of(String url, Path baseDir) throws StoreException {
    String path = url.substring(PREFIX.length());
    int query = path.indexOf('?');
    Path file = baseDir.resolve(query < 0 ? path : path.substring(0, query)).normalize();
    String parameters = query < 0 ? "" : path.substring(query);
    Path dir = file.toAbsolutePath().getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new StoreException(
          "the store directory " + dir + " cannot be created: " + reason(e), e);
    }
    if (dir != null && !Files.isWritable(dir)) {
      throw new StoreException("the store directory " + dir + " is not writable");
    }
    return new SqliteDialect(file.toAbsolutePath(), parameters);
  }

  @Override
  public String scripts() {
    return "sqlite";
  }

  @Override
  public String description() {
    return file.toString();
  }

  @Override
  public Connections connect() throws SQLException {
    Path dir = file.getParent();
    if (dir != null) {
      SqliteNativeLibrary.useFrom(dir);
    }
    return SqliteConnections.open(PREFIX + file + parameters);
  }

  @Override
  public @Nullable String migrationLockStatement() {
    return null;
  }

  /**
   * Folds the write-ahead log into the database and truncates it. SQLite does so itself when the
   * last connection closes, but not when that checkpoint fails (a full disk) or another process has
   * the file open (a daemon): then the log keeps its size, and on a disk that filled up the space
   * it holds is what the next write needs.
   */
  @Override
  public void releaseSpace(DataSource data) throws SQLException {
    try (Connection c = data.getConnection();
        Statement st = c.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  @Override
  public Optional<RunLock> tryLock(String environment) throws StoreException {
    Path lockFile = lockFile(environment);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      FileChannel held = channel;
      return Optional.of(() -> release(lock, held, lockFile));
    } catch (OverlappingFileLockException e) {
      // Another run in this same process holds it.
      closeQuietly(channel);
      return Optional.empty();
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreException("the run lock " + lockFile + " cannot be taken: " + reason(e), e);
    }
  }

  /** The lock is a file beside the database: taking it needs no connection. */
  @Override
  public Optional<RunLock> tryLockFirst(String environment) {
    try {
      return tryLock(environment);
    } catch (StoreException e) {
      return Optional.empty();
    }
  }

  private Path lockFile(String environment) {
    String safe = environment.replaceAll("[^A-Za-z0-9_.-]", "_");
    return file.resolveSibling(
        file.getFileName()
            + "."
            + safe
            + "-"
            + Integer.toHexString(environment.hashCode())
            + ".lock");
  }

  private static void release(FileLock lock, FileChannel channel, Path lockFile)
      throws StoreException {
    try (channel) {
      lock.release();
    } catch (IOException e) {
      throw new StoreException("the run lock " + lockFile + " cannot be released: " + reason(e), e);
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing was locked through it; the descriptor goes with the process at worst.
      }
    }
  }

  static String reason(Exception e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return message == null ? kind : kind + " " + message;
  }
}
