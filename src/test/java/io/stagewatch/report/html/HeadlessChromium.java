package io.stagewatch.report.html;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium} started headless with the DevTools protocol on a free loopback port.
 * The flags keep it from reaching out to the network on its own (updates, sync, field trials):
 * without them it floods a closed network with connection attempts and slows down.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private HeadlessChromium(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * The browser, or a skipped test when it is not installed. Under CI (the variable {@code CI} is
   * set) a missing browser fails the test instead: CI installs it, and a silent skip there would
   * hide that the page was never checked.
   */
  static Path binaryOrSkip() {
    if (Files.isExecutable(BINARY)) {
      return BINARY;
    }
    String why = BINARY + " is missing: install it with apt-get install -y chromium";
    if (System.getenv("CI") != null) {
      fail("CI is set and " + why);
    }
    Assumptions.abort(why);
    throw new AssertionError("unreachable");
  }

  /**
   * Starts the browser with a fresh profile in {@code userDataDir} and waits until its DevTools
   * endpoint answers.
   */
  static HeadlessChromium start(Path binary, Path userDataDir) throws IOException {
    Path log = userDataDir.resolveSibling(userDataDir.getFileName() + ".log");
    Process process =
        new ProcessBuilder(
                List.of(
                    binary.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-extensions",
                    "--disable-dev-shm-usage",
                    "--hide-scrollbars",
                    "--window-size=1200,800",
                    "--remote-debugging-address=127.0.0.1",
                    "--remote-debugging-port=0",
                    "--user-data-dir=" + userDataDir,
                    "about:blank"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    HeadlessChromium chromium = null;
    try {
      chromium = new HeadlessChromium(process, awaitPort(process, userDataDir, log));
      return chromium;
    } finally {
      if (chromium == null) {
        stop(process);
      }
    }
  }

  /** Chromium writes the port it picked to {@code DevToolsActivePort} in the profile. */
  private static int awaitPort(Process process, Path userDataDir, Path log) throws IOException {
    Path portFile = userDataDir.resolve("DevToolsActivePort");
    try {
      await()
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(25))
          .until(() -> portIn(portFile).isPresent() || !process.isAlive());
    } catch (ConditionTimeoutException e) {
      throw new IOException(
          "chromium did not open its DevTools port within "
              + START_TIMEOUT
              + ": "
              + Files.readString(log),
          e);
    }
    Optional<Integer> port = portIn(portFile);
    if (port.isPresent()) {
      return port.get();
    }
    throw new IOException(
        "chromium exited with " + process.exitValue() + ": " + Files.readString(log));
  }

  /** The port in {@code DevToolsActivePort} once chromium has written it. */
  private static Optional<Integer> portIn(Path portFile) throws IOException {
    if (!Files.isRegularFile(portFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(lines.get(0).trim()));
  }

  /** A DevTools session on the browser's first tab. */
  DevToolsSession openTab() throws IOException, InterruptedException {
    HttpResponse<String> list =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode targets = new ObjectMapper().readTree(list.body());
    Optional<String> url = Optional.empty();
    for (JsonNode target : targets) {
      if ("page".equals(target.path("type").asText())) {
        url = Optional.of(target.path("webSocketDebuggerUrl").asText());
        break;
      }
    }
    return DevToolsSession.connect(
        http, URI.create(url.orElseThrow(() -> new IOException("no tab in " + list.body()))));
  }

  /** Ends the browser and every process it started (renderers, zygotes). */
  @Override
  public void close() {
    stop(process);
  }

  private static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
