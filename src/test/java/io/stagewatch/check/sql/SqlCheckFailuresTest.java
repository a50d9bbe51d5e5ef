package io.stagewatch.check.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stagewatch.FreePort;
import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.config.DatabaseConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code sql} checks whose database cannot serve them: each fails within its timeout. */
class SqlCheckFailuresTest {
  @RegisterExtension static final EmbeddedDatabase db = EmbeddedDatabase.perTestClass();
  SqlCheck check;

  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration MARGIN = Duration.ofMillis(600);

  @BeforeEach
  void newRun() {
    check = new SqlCheck().database(db.config("main"));
  }

  @AfterEach
  void endRun() {
    check.close();
  }

  @Test
  void aPortWhereNothingListensIsRefusedQuickly() throws Exception {
    int port = FreePort.pick();
    check.database(config("closed", port));

    Timed timed = timed("sql: {database: closed}", TIMEOUT);

    assertThat(timed.outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(timed.outcome.message())
        .isEqualTo(
            "connection refused by database closed at 127.0.0.1:" + port + "/app (SQLSTATE 08001)");
    assertThat(timed.took).isLessThan(TIMEOUT);
  }

  @Test
  void aServerThatAcceptsAndNeverAnswersFailsWithinTheTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SilentAcceptor acceptor = new SilentAcceptor(silent)) {
      check.database(config("silent", silent.getLocalPort()));

      Timed timed = timed("sql: {database: silent, query: select 1}", TIMEOUT);

      assertThat(timed.outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
      assertThat(timed.outcome.message())
          .isEqualTo(
              "could not connect to database silent at 127.0.0.1:"
                  + silent.getLocalPort()
                  + "/app within 2s: the server did not answer");
      assertThat(timed.took).isBetween(TIMEOUT.minusMillis(200), TIMEOUT.plus(MARGIN));
      assertThat(acceptor.accepted()).isPositive();
      assertClosesPromptly();
    }
  }

  @Test
  void aHostThatDropsConnectionAttemptsFailsWithinTheTimeout() throws Exception {
    // A listener that never accepts, with its backlog full: the kernel drops further SYNs, as a
    // firewall that drops packets would.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> filling = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Socket s = new Socket();
        try {
          s.connect(full.getLocalSocketAddress(), 200);
          filling.add(s);
        } catch (IOException e) {
          s.close();
        }
      }
      check.database(config("dropped", full.getLocalPort()));

      Timed timed = timed("sql: {database: dropped}", TIMEOUT);

      assertThat(timed.outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
      assertThat(timed.outcome.message()).startsWith("could not connect to database dropped at ");
      assertThat(timed.took).isLessThan(TIMEOUT.plus(MARGIN));
      assertClosesPromptly();
      for (Socket s : filling) {
        s.close();
      }
    }
  }

  @Test
  void moreChecksThanConnectionsWaitAtMostTheirTimeoutAndLeaveNothingOpen() throws Exception {
    String holding = "sql: {database: main, query: select pg_sleep(2.5)}";
    String waiting = "sql: {database: main, query: select 1}";
    List<Future<Timed>> holders = new ArrayList<>();
    List<Future<Timed>> waiters = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < DatabasePool.MAX_CONNECTIONS; i++) {
        holders.add(threads.submit(() -> timed(holding, Duration.ofSeconds(5))));
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> db.checksRunning("pg_sleep") == DatabasePool.MAX_CONNECTIONS);
      for (int i = 0; i < 2; i++) {
        waiters.add(threads.submit(() -> timed(waiting, Duration.ofMillis(700))));
      }
      for (Future<Timed> waiter : waiters) {
        Timed t = waiter.get();
        assertThat(t.outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
        assertThat(t.outcome.message())
            .matches(
                "all 3 connections to database main were in use by other checks; none came free"
                    + " within \\d+ ms \\(pool timeout\\)");
        assertThat(t.took).isLessThan(Duration.ofMillis(700).plus(MARGIN));
      }
      for (Future<Timed> holder : holders) {
        assertThat(holder.get().outcome.verdict()).isEqualTo(AttemptVerdict.PASSED);
      }
    }
    assertThat(db.checkSessions()).isEqualTo(DatabasePool.MAX_CONNECTIONS);

    check.close();

    assertThat(db.checkSessions()).isZero();
  }

  private void assertClosesPromptly() {
    long start = System.nanoTime();
    check.close();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
  }

  private Timed timed(String yaml, Duration timeout) throws Exception {
    long start = System.nanoTime();
    CheckOutcome outcome = check.run(yaml, timeout);
    return new Timed(outcome, Duration.ofNanos(System.nanoTime() - start));
  }

  private static DatabaseConfig config(String name, int port) {
    return new DatabaseConfig(
        name, "jdbc:postgresql://127.0.0.1:" + port + "/app", "app", EmbeddedDatabase.PASSWORD);
  }

  record Timed(CheckOutcome outcome, Duration took) {}

  /** Accepts every connection and never sends a byte. */
  static final class SilentAcceptor implements AutoCloseable {
    private final List<Socket> held = new ArrayList<>();
    private final Thread thread;

    SilentAcceptor(ServerSocket server) {
      thread =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!server.isClosed()) {
                      try {
                        Socket s = server.accept();
                        synchronized (held) {
                          held.add(s);
                        }
                      } catch (IOException e) {
                        return;
                      }
                    }
                  });
    }

    int accepted() {
      synchronized (held) {
        return held.size();
      }
    }

    @Override
    public void close() throws Exception {
      synchronized (held) {
        for (Socket s : held) {
          s.close();
        }
      }
      thread.interrupt();
    }
  }
}
