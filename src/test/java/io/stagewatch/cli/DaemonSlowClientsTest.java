package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.FreePort;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's HTTP endpoints against clients that open a request and never finish it, with real
 * sockets against a real daemon process, and a port that is taken.
 */
class DaemonSlowClientsTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** As many half-open connections as a probe must be able to get past. */
  static final int HALF_OPEN = 1000;

  /** How long a probe may take: what a Kubernetes probe waits by default. */
  static final int PROBE_BOUND_MS = 1000;

  /** How long the first probes may take, which load what a cold daemon has not loaded yet. */
  static final int WARM_UP_MS = 20_000;

  @TempDir Path dir;

  final List<Socket> halfOpen = new ArrayList<>();
  Process daemon;

  @AfterEach
  void stop() throws Exception {
    for (Socket s : halfOpen) {
      s.close();
    }
    if (daemon != null) {
      daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void probesAreAnsweredPastAThousandHalfOpenRequestsWhichTheDaemonThenCloses() throws Exception {
    staging.stubFor(get("/health").willReturn(ok()));
    int port = startDaemon();
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    // Once before, without a bound: the first /readyz opens the store. And the first slot's run,
    // which a cold JVM spends seconds of CPU on, is over before the probes that count.
    for (String path : List.of("/livez", "/readyz")) {
      assertThat(answer(address, path, WARM_UP_MS)).startsWith("HTTP/1.1 200 OK\r\n");
    }
    Path log = dir.resolve("err.log");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Pattern.compile("(?m): PASSED$").matcher(Files.readString(log)).find());

    for (int i = 0; i < HALF_OPEN; i++) {
      Socket s = new Socket();
      halfOpen.add(s);
      s.connect(address, PROBE_BOUND_MS);
      // Half a request line, then nothing: the server has a request to read that never ends.
      s.getOutputStream().write("GET /hea".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
    }

    // The server takes connections in the order they came: once a probe sent after them is
    // answered, all of them have been taken in and each waits for the rest of its request. (Two of
    // them used to take every thread the server had, and no probe was answered again.)
    assertThat(answer(address, "/livez", WARM_UP_MS)).startsWith("HTTP/1.1 200 OK\r\n");
    Socket last = halfOpen.get(HALF_OPEN - 1);
    for (String path : List.of("/healthz", "/livez", "/readyz")) {
      assertThat(answer(address, path, PROBE_BOUND_MS)).startsWith("HTTP/1.1 200 OK\r\n");
    }
    assertThat(closedByTheServer(last)).as("still half-open during the probes").isFalse();
    // The unfinished requests are cut off at their read deadline, so they do not pile up: the last
    // one opened is closed by the server in time, and so is every one before it.
    await().atMost(Duration.ofSeconds(15)).until(() -> closedByTheServer(last));
    assertThat(halfOpen).allMatch(DaemonSlowClientsTest::closedByTheServer);
  }

  @Test
  void theImagesHealthCheckAsksLivenessAndPassesAgainstALiveDaemon() throws Exception {
    staging.stubFor(get("/health").willReturn(ok()));
    int port = startDaemon();
    Matcher healthCheck =
        Pattern.compile("(?m)^HEALTHCHECK .*\\n +CMD \\[\"bash\", \"-c\", \"(.*)\"\\]$")
            .matcher(Files.readString(Path.of("Dockerfile")));
    assertThat(healthCheck.find()).as("the Dockerfile's HEALTHCHECK").isTrue();
    // The command as the image's shell gets it (JSON unescaped), against this daemon's port.
    String command = healthCheck.group(1).replace("\\\\", "\\").replace("/9464", "/" + port);

    Process check = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();

    assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
    assertThat(command).contains("GET /livez");
  }

  @Test
  void aParallelismBelowOneIsAUsageErrorBeforeAnySlot() throws Exception {
    CliRun cli = new DaemonProject(dir, staging.baseUrl()).write();

    int exit = daemonCommand(cli, "--port", "0", "--parallel", "0");

    assertThat(exit).as(cli.err).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err).contains("--parallel", "must be at least 1");
    assertThat(staging.getAllServeEvents()).as("no slot ran").isEmpty();
  }

  @Test
  void aTakenPortIsAUsageErrorThatNamesTheAddress() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      CliRun cli = new DaemonProject(dir, staging.baseUrl()).write();

      int exit = daemonCommand(cli, "--port", Integer.toString(taken.getLocalPort()));

      assertThat(exit).as(cli.err).isEqualTo(ExitCodes.USAGE);
      assertThat(cli.err)
          .isEqualTo(
              "stagewatch: cannot listen on 127.0.0.1:"
                  + taken.getLocalPort()
                  + ": address already in use\n");
    }
  }

  @Test
  void anAddressThatIsNotThisMachinesIsAUsageErrorToo() throws Exception {
    CliRun cli = new DaemonProject(dir, staging.baseUrl()).write();

    // 192.0.2.0/24 is reserved for documentation: no machine has such an address.
    int exit = daemonCommand(cli, "--bind", "192.0.2.7", "--port", "9464");

    assertThat(exit).as(cli.err).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err)
        .isEqualTo(
            "stagewatch: cannot listen on 192.0.2.7:9464: the address is not one of this"
                + " machine's\n");
  }

  /** {@code stagewatch daemon} in this JVM: only for what ends it before it serves. */
  private int daemonCommand(CliRun cli, String... options) {
    List<String> args =
        new ArrayList<>(List.of("daemon", "-c", dir.resolve("config/stagewatch.yaml").toString()));
    args.addAll(List.of(options));
    return cli.run(args.toArray(String[]::new));
  }

  /** Starts {@code stagewatch daemon} in a process of its own and returns its port. */
  private int startDaemon() throws Exception {
    // Slots a minute apart: the daemon is ready from its start, however long its first run takes.
    int port = FreePort.pick();
    daemon = new DaemonProject(dir, staging.baseUrl()).every("1m").startProcess(port);
    Path log = dir.resolve("err.log");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !daemon.isAlive() || Files.readString(log).contains("serving http://"));
    assertThat(daemon.isAlive()).as(Files.readString(log)).isTrue();
    return port;
  }

  /**
   * The whole answer to {@code GET path}, status line first (so that a failure shows why the daemon
   * said what it said), which must arrive within {@code boundMs}: the socket's timeouts make a late
   * answer an exception.
   */
  private static String answer(InetSocketAddress address, String path, int boundMs)
      throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMs);
    try (Socket s = new Socket()) {
      s.connect(address, boundMs);
      s.setSoTimeout(boundMs);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(System.nanoTime()).as(path + " answered within the bound").isLessThan(deadline);
      return answer;
    }
  }

  /** Whether the server has closed the connection: a read ends at once with end of stream. */
  private static boolean closedByTheServer(Socket s) {
    try {
      s.setSoTimeout(50);
      return s.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // reset by the server
    } catch (IOException e) {
      return false;
    }
  }
}
