package io.stagewatch.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.core.NativeDB;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Gives the SQLite driver its native library from the store's folder. Left to itself, sqlite-jdbc
 * copies the library out of its jar into {@code java.io.tmpdir} on every start, under a new name
 * each time, and deletes the copy only when the JVM exits in order: every run or daemon killed with
 * SIGKILL (or by the OOM killer) left a megabyte there. Instead the library is copied once, into
 * {@code native/} beside the database in a folder named for the driver's version and the platform,
 * and the driver is pointed there with its {@code org.sqlite.lib.path} property; later starts load
 * that copy as it is, which also saves them the copying. Where this cannot be done, the driver
 * extracts its library as it always did. The library is loaded here, once per process.
 */
final class SqliteNativeLibrary {
  /** The driver's system property naming a folder that holds its library. */
  static final String PATH_PROPERTY = "org.sqlite.lib.path";

  /** The driver's system property naming the folder it extracts its library to. */
  static final String TMPDIR_PROPERTY = "org.sqlite.tmpdir";

  /** The folder beside the database that holds the library. */
  static final String FOLDER = "native";

  private SqliteNativeLibrary() {}

  /**
   * Points the driver at the library in {@code storeDir}, copying it there first when it is not
   * there yet. The driver loads its library once per process, so a path already set (by a store
   * opened earlier, or by the user with {@code -Dorg.sqlite.lib.path}) is left as it is.
   */
  static synchronized void useFrom(Path storeDir) {
    if (System.getProperty(PATH_PROPERTY) != null) {
      return;
    }
    String name = LibraryLoaderUtil.getNativeLibName();
    Path home = storeDir.resolve(FOLDER);
    // Named from the JVM's own properties: the driver's name for the platform takes it 15 ms or
    // more (it starts `uname`), so it is asked only when the library is copied.
    Path folder =
        home.resolve(
            "sqlite-jdbc-"
                + SQLiteJDBCLoader.getVersion()
                + "-"
                + System.getProperty("os.name", "os").replaceAll("[^A-Za-z0-9_.-]", "_")
                + "-"
                + System.getProperty("os.arch", "arch"));
    Path library = folder.resolve(name);
    try {
      if (!Files.isRegularFile(library)) {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        if (!install(resource, library)) {
          return; // the jar has no library for this platform: the driver says so
        }
        removeAllBut(home, library);
      }
      System.setProperty(PATH_PROPERTY, folder.toString());
    } catch (IOException e) {
      // The driver extracts its library to java.io.tmpdir, as it does by default.
      return;
    }
    load(folder);
  }

  /**
   * Has the driver load its library now, with its temporary folder pointed at {@code folder} while
   * it does. Before loading, the driver looks through its temporary folder for copies that earlier
   * processes left behind, and the default one, java.io.tmpdir, may hold thousands of entries (20
   * ms for 2300 here); {@code folder} holds the library alone. The setting is put back afterwards,
   * so that a driver loaded later in another class loader, which extracts its own copy, does so
   * where it always did.
   */
  private static void load(Path folder) {
    String before = System.getProperty(TMPDIR_PROPERTY);
    System.setProperty(TMPDIR_PROPERTY, folder.toString());
    try {
      NativeDB.load();
    } catch (Exception e) {
      // The first connection meets the same failure and reports it.
    } finally {
      if (before == null) {
        System.clearProperty(TMPDIR_PROPERTY);
      } else {
        System.setProperty(TMPDIR_PROPERTY, before);
      }
    }
  }

  /** Copies the jar's library to {@code library}, whole or not at all; false without one. */
  private static boolean install(String resource, Path library) throws IOException {
    Path folder = library.toAbsolutePath().getParent();
    if (folder == null) {
      return false;
    }
    Files.createDirectories(folder);
    // A name of its own, not from Files.createTempFile, whose names cost a first run the set-up of
    // a SecureRandom (about 9 ms). Processes in two containers may share a pid and this folder, so
    // a random part goes in too; copy() creates the file new, and a clash is an IOException (the
    // driver then extracts its library itself).
    Path part =
        folder.resolve(
            library.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".part");
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return false;
      }
      Files.copy(in, part);
      try {
        Files.move(part, library, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // Another process installed it a moment earlier; either copy is whole.
      }
      return true;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /**
   * Removes what else is under {@code home}: the libraries of other driver versions (installed by
   * an older stagewatch) and a copy cut off by a kill before it was complete.
   */
  private static void removeAllBut(Path home, Path library) {
    List<Path> paths;
    try (Stream<Path> all = Files.walk(home)) {
      paths = all.sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      return;
    }
    for (Path path : paths) {
      if (!library.startsWith(path)) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // In use elsewhere, or not ours to remove: it costs disk space, nothing else.
        }
      }
    }
  }
}
