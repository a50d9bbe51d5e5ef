package io.stagewatch.check.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpCheckFailuresTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  /** How much later than its timeout an attempt may return. */
  private static final Duration MARGIN = Duration.ofMillis(1500);

  @RegisterExtension
  static final WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SuiteCheck suite = new SuiteCheck();

  @AfterEach
  void close() {
    suite.close();
  }

  private CheckOutcome run(String yaml, URI base) throws Exception {
    return suite.attempt(suite.read(yaml), base, TIMEOUT);
  }

  private CheckOutcome runAgainstTarget(String path) throws Exception {
    return run("http: {path: " + path + "}", URI.create(target.baseUrl()));
  }

  @Test
  void aServerThatAnswersTooLateIsAnErrorWithinTheTimeout() throws Exception {
    target.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(5000)));

    long start = System.nanoTime();
    CheckOutcome outcome = runAgainstTarget("/slow");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(MARGIN));
    assertThat(outcome)
        .isEqualTo(CheckOutcome.error("no response within 1s (no headers received)"));
  }

  @Test
  void aHostNameWhoseLookupHangsIsAnErrorWithinTheTimeout() throws Exception {
    // The JDK resolves a host name in a call no deadline interrupts; it must not hold the check.
    URI base = URI.create("http://staging" + HangingLookups.DOMAIN + ":8080");

    long start = System.nanoTime();
    CheckOutcome outcome = run("http: {path: /health}", base);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(MARGIN));
    assertThat(outcome)
        .isEqualTo(CheckOutcome.error("no response within 1s (no headers received)"));
  }

  @Test
  void aBodyTrickledSlowerThanTheDeadlineIsCutOffAtTheDeadline() throws Exception {
    target.stubFor(
        get("/trickle")
            .willReturn(aResponse().withBody("x".repeat(100)).withChunkedDribbleDelay(50, 5000)));

    long start = System.nanoTime();
    CheckOutcome outcome = runAgainstTarget("/trickle");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(MARGIN));
    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(outcome.message())
        .matches(
            "no complete response within 1s \\(headers after \\d+ ms, body still arriving, \\d+"
                + " bytes so far\\)");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CONNECTION_RESET_BY_PEER | the server closed the connection before answering",
        "EMPTY_RESPONSE           | the server closed the connection before answering",
        "MALFORMED_RESPONSE_CHUNK | the server sent a malformed response: ",
        "RANDOM_DATA_THEN_CLOSE   | the server sent a malformed response: ",
      })
  void aBrokenResponseIsAnErrorInPlainWords(Fault fault, String expected) throws Exception {
    target.stubFor(get("/broken").willReturn(aResponse().withFault(fault)));

    CheckOutcome outcome = runAgainstTarget("/broken");

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(outcome.message())
        .startsWith(expected)
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("\tat ");
  }

  @Test
  void aClosedPortIsConnectionRefused() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    CheckOutcome outcome = run("http: {path: /health}", URI.create("http://127.0.0.1:" + port));

    assertThat(outcome).isEqualTo(CheckOutcome.error("connection refused by 127.0.0.1:" + port));
  }

  @Test
  void aHostThatDoesNotResolveIsAnUnknownHost() throws Exception {
    CheckOutcome outcome =
        run("http: {url: 'http://nonexistent.invalid/'}", URI.create("http://127.0.0.1"));

    assertThat(outcome).isEqualTo(CheckOutcome.error("unknown host nonexistent.invalid"));
  }

  @Test
  void anEndlessBodyIsReadOnlyUpToTheCapAndTheConnectionDropped() throws Exception {
    CountDownLatch clientGone = new CountDownLatch(1);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/endless",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          byte[] chunk = "y".repeat(8192).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          try (OutputStream out = exchange.getResponseBody()) {
            while (true) {
              out.write(chunk);
            }
          } catch (IOException e) {
            clientGone.countDown();
          }
        });
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      CheckOutcome outcome =
          suite.attempt(
              suite.read("http: {path: /endless}\nexpect: {bodyContains: never-there}"),
              base,
              Duration.ofSeconds(5));

      assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.FAILED);
      assertThat(outcome.message())
          .startsWith("body does not contain \"never-there\"\nbody: yyy")
          .endsWith("(the body was cut at 1 MiB; the rest was not read)");
      // The server's next write failed: the check dropped the connection rather than draining it.
      assertThat(clientGone.await(5, TimeUnit.SECONDS)).as("the client went away").isTrue();
    } finally {
      server.stop(0);
    }
  }
}
