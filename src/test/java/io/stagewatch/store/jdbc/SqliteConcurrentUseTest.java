package io.stagewatch.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store opens and closes a connection per use, from several threads at once in a run
 * (the writer, the run's own reads) and in the daemon (its pages too). SQLite 3.51.1 could deadlock
 * two threads opening and closing connections to one WAL database at the same moment, inside its
 * own locks; this keeps many doing so for a while and fails if they stop getting anywhere.
 */
class SqliteConcurrentUseTest {
  private static final int THREADS = 8;
  private static final int USES = 3000;

  /** New stores opened two at once: enough pairs that one in a hundred failing shows. */
  private static final int NEW_STORES = 200;

  @TempDir Path dir;

  @Test
  void threadsOpeningAndClosingConnectionsAtOnceAllGetThrough() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("stagewatch.db");
    JdbcResultStore store = JdbcResultStore.open(url, dir, Clock.systemUTC());
    // Daemon threads, and no waiting for them on the way out: threads caught in a deadlock never
    // end, and the test must fail rather than hang with them. The store is closed only after all
    // got through, as closing a connection takes the same locks.
    ExecutorService threads =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "store-user");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Integer>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        boolean writes = t % 3 == 0;
        work.add(
            threads.submit(
                () -> {
                  int done = 0;
                  for (int i = 0; i < USES; i++) {
                    if (writes) {
                      RunInfo info =
                          new RunInfo(
                              UUID.randomUUID().toString(),
                              "shop",
                              "staging",
                              "cron",
                              null,
                              Instant.now());
                      store.runStarted(info, "test");
                      store.checkFinished(
                          info.runId(),
                          new CheckResult(
                              "api/up",
                              "api",
                              "up",
                              List.of(),
                              CheckStatus.PASSED,
                              1,
                              5,
                              null,
                              List.of()));
                    } else {
                      store.lastRuns("staging", 5);
                    }
                    done++;
                  }
                  return done;
                }));
      }
      for (Future<Integer> w : work) {
        try {
          assertThat(w.get(60, TimeUnit.SECONDS)).isEqualTo(USES);
        } catch (TimeoutException e) {
          throw new AssertionError(
              "the threads stopped getting through: a deadlock in the driver", e);
        }
      }
      store.close();
    } finally {
      threads.shutdown();
    }
  }

  /**
   * A daemon's first slot and its first probe open a new store at the same moment, each from a
   * connection of its own. Putting a file in write-ahead-log mode takes it for itself, and SQLite
   * answered the other at once that the file was locked (a probe then said the store was
   * unreachable); it happened to about one pair in a hundred, so this opens many pairs.
   */
  @Test
  void twoOpeningsOfANewStoreAtTheSameMomentBothOpenIt() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < NEW_STORES; i++) {
        String url = "jdbc:sqlite:" + dir.resolve("new-" + i + ".db");
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<JdbcResultStore> opening =
            () -> {
              together.await();
              return JdbcResultStore.open(url, dir, Clock.systemUTC());
            };
        Future<JdbcResultStore> first = threads.submit(opening);
        Future<JdbcResultStore> second = threads.submit(opening);
        for (Future<JdbcResultStore> store : List.of(first, second)) {
          try (JdbcResultStore opened = store.get(30, TimeUnit.SECONDS)) {
            assertThat(opened.lastRuns("staging", 1)).isEmpty();
          }
        }
        try (Connection c = DriverManager.getConnection(url);
            Statement st = c.createStatement();
            ResultSet mode = st.executeQuery("PRAGMA journal_mode")) {
          assertThat(mode.next()).isTrue();
          assertThat(mode.getString(1)).isEqualTo("wal");
        }
      }
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void aJournalModeInTheUrlWinsOverTheWriteAheadLog() throws Exception {
    Path file = dir.resolve("kept.db");
    try (JdbcResultStore store =
        JdbcResultStore.open(
            "jdbc:sqlite:" + file + "?journal_mode=DELETE", dir, Clock.systemUTC())) {
      assertThat(store.lastRuns("staging", 1)).isEmpty();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet mode = st.executeQuery("PRAGMA journal_mode")) {
      assertThat(mode.next()).isTrue();
      assertThat(mode.getString(1)).isEqualTo("delete");
    }
  }
}
