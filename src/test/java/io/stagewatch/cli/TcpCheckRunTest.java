package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.FreePort;
import io.stagewatch.check.tcp.SocketServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagewatch run} with tcp checks against real servers on loopback. */
class TcpCheckRunTest {
  @TempDir Path dir;
  CliRun cli;
  final List<SocketServer> servers = new ArrayList<>();

  @BeforeEach
  void project() throws Exception {
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: http://127.0.0.1:9
                defaults:
                  timeout: 3s
                  retry: {attempts: 2, delay: 10ms}
                """);
  }

  @AfterEach
  void stopServers() throws Exception {
    for (SocketServer server : servers) {
      server.close();
    }
  }

  private int serve(SocketServer.Handler handler) throws Exception {
    SocketServer server = new SocketServer(handler);
    servers.add(server);
    return server.port();
  }

  private ResultChecks run(int expectedExit, String checks) throws Exception {
    cli.suite("ports.yaml", "name: ports\ntags: [tcp]\nchecks:\n" + checks);
    assertThat(cli.runChecks("--no-store")).as(cli.out + cli.err).isEqualTo(expectedExit);
    return new ResultChecks(cli.report("result.json"));
  }

  @Test
  void aListeningPortOnTheBaseUrlsHostPasses() throws Exception {
    int port = serve(SocketServer.silent());

    ResultChecks checks = run(0, "  - name: open\n    tcp: {port: %d}\n".formatted(port));

    assertThat(checks.status("open")).isEqualTo("PASSED");
    assertThat(checks.message("open"))
        .matches("connected to 127\\.0\\.0\\.1:" + port + " in \\d+ ms");
  }

  @Test
  void aClosedPortIsAnErrorThatIsRetried() throws Exception {
    int port = FreePort.pick();

    ResultChecks checks =
        run(1, "  - name: closed\n    tcp: {host: 127.0.0.1, port: %d}\n".formatted(port));

    assertThat(checks.status("closed")).isEqualTo("ERROR");
    assertThat(checks.message("closed"))
        .isEqualTo("connection refused by 127.0.0.1:" + port + " (all 2 attempts failed)");
    assertThat(checks.attempts("closed")).isEqualTo(2);
  }

  @Test
  void theBannerAndTheAnswerToALineAreMatched() throws Exception {
    int ssh = serve(SocketServer.banner("SSH-2.0-OpenSSH_9.6\r\n"));
    int redis = serve(SocketServer.answering("+PONG\r\n"));

    ResultChecks checks =
        run(
            0,
            """
              - name: ssh
                tcp: {host: localhost, port: %d}
                expect: {contains: SSH-2.0}
              - name: redis
                tcp: {host: localhost, port: %d, send: PING}
                expect: {contains: +PONG}
            """
                .formatted(ssh, redis));

    assertThat(checks.status("ssh")).isEqualTo("PASSED");
    assertThat(checks.message("ssh")).startsWith("received \"SSH-2.0\" from localhost:" + ssh);
    assertThat(checks.status("redis")).isEqualTo("PASSED");
  }

  @Test
  void aBannerWithoutTheTextFailsAtTheDeadlineShowingWhatCame() throws Exception {
    int ssh = serve(SocketServer.banner("SSH-2.0-OpenSSH_9.6\r\n"));
    int silent = serve(SocketServer.silent());

    ResultChecks checks =
        run(
            1,
            """
              - name: smtp
                timeout: 500ms
                retry: {attempts: 1}
                tcp: {host: 127.0.0.1, port: %d}
                expect: {contains: 220}
              - name: mute
                timeout: 500ms
                retry: {attempts: 1}
                tcp: {host: 127.0.0.1, port: %d, send: HELLO}
                expect: {contains: +OK}
            """
                .formatted(ssh, silent));

    assertThat(checks.status("smtp")).isEqualTo("FAILED");
    assertThat(checks.message("smtp"))
        .isEqualTo(
            "127.0.0.1:"
                + ssh
                + " did not send \"220\" within 500ms; received: \"SSH-2.0-OpenSSH_9.6\\r\\n\"");
    assertThat(checks.status("mute")).isEqualTo("FAILED");
    assertThat(checks.message("mute"))
        .isEqualTo("127.0.0.1:" + silent + " did not send \"+OK\" within 500ms; received: nothing");
  }
}
