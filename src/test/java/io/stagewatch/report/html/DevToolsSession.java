package io.stagewatch.report.html;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One tab driven over the Chrome DevTools Protocol: JSON commands and events on the JDK's
 * WebSocket. It records the tab's console errors, uncaught exceptions and error log entries from
 * the moment it connects.
 */
final class DevToolsSession implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final WebSocket socket;

  private DevToolsSession(HttpClient http, URI webSocketUrl) throws IOException {
    try {
      socket =
          http.newWebSocketBuilder()
              .buildAsync(webSocketUrl, new Listener())
              .get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IOException("cannot connect to " + webSocketUrl, e);
    }
  }

  static DevToolsSession connect(HttpClient http, URI webSocketUrl) throws IOException {
    DevToolsSession session = new DevToolsSession(http, webSocketUrl);
    session.call("Runtime.enable");
    session.call("Log.enable");
    session.call("Page.enable");
    return session;
  }

  /** Sends a command and waits for its result; a protocol error is an exception. */
  JsonNode call(String method, Map<String, ?> params) throws IOException {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    waiting.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(JSON.writeValueAsString(message), true).join();
    JsonNode answer;
    try {
      answer = reply.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IOException(method + " got no answer", e);
    } finally {
      waiting.remove(id);
    }
    if (answer.has("error")) {
      throw new IOException(method + " failed: " + answer.get("error"));
    }
    return answer.path("result");
  }

  JsonNode call(String method) throws IOException {
    return call(method, Map.of());
  }

  /** Opens {@code url} and waits for its load event. */
  void navigate(String url) throws IOException {
    int seen = events.size();
    JsonNode result = call("Page.navigate", Map.of("url", url));
    if (result.hasNonNull("errorText")) {
      throw new IOException("cannot open " + url + ": " + result.get("errorText").asText());
    }
    try {
      // A stream of the list walks one snapshot; a sub-list view would fail when an event arrives.
      await()
          .atMost(COMMAND_TIMEOUT)
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  events.stream()
                      .skip(seen)
                      .anyMatch(e -> "Page.loadEventFired".equals(e.path("method").asText())));
    } catch (ConditionTimeoutException e) {
      throw new IOException(url + " did not finish loading within " + COMMAND_TIMEOUT, e);
    }
  }

  /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
  JsonNode evaluate(String expression) throws IOException {
    JsonNode result =
        call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IOException(expression + " threw " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Writes a PNG of the whole page. */
  void screenshot(Path file) throws IOException {
    JsonNode shot =
        call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  /**
   * Writes a PNG of the element {@code element} (a JavaScript expression) evaluates to, cut out of
   * the whole page.
   */
  void screenshot(Path file, String element) throws IOException {
    JsonNode box =
        evaluate(
            "(() => { const r = (%s).getBoundingClientRect();".formatted(element)
                + " return {x: r.x + scrollX, y: r.y + scrollY, width: r.width,"
                + " height: r.height, scale: 1}; })()");
    JsonNode shot =
        call(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", box));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  /**
   * Clicks the middle of the element {@code element} (a JavaScript expression) evaluates to with
   * the mouse, as a person would: scrolled into view, pressed and released.
   */
  void click(String element) throws IOException {
    JsonNode middle =
        evaluate(
            "(() => { const e = (%s); e.scrollIntoView({block: 'center'});".formatted(element)
                + " const r = e.getBoundingClientRect();"
                + " return {x: r.x + Math.min(r.width / 2, 20), y: r.y + r.height / 2}; })()");
    for (String type : List.of("mousePressed", "mouseReleased")) {
      call(
          "Input.dispatchMouseEvent",
          Map.of(
              "type",
              type,
              "x",
              middle.path("x").asDouble(),
              "y",
              middle.path("y").asDouble(),
              "button",
              "left",
              "clickCount",
              1));
    }
  }

  /**
   * The errors seen so far: console.error calls, uncaught exceptions, and error entries of the
   * browser's log (failed resource loads, blocked content).
   */
  List<String> errors() {
    return new ArrayList<>(errors);
  }

  @Override
  public void close() {
    socket.abort();
  }

  private void received(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = waiting.get(message.get("id").asInt());
      if (reply != null) {
        reply.complete(message);
      }
      return;
    }
    events.add(message);
    JsonNode params = message.path("params");
    switch (message.path("method").asText()) {
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          errors.add("console." + type + ": " + params.path("args"));
        }
      }
      case "Runtime.exceptionThrown" ->
          errors.add("uncaught exception: " + params.path("exceptionDetails"));
      case "Log.entryAdded" -> {
        if ("error".equals(params.path("entry").path("level").asText())) {
          errors.add("log error: " + params.path("entry"));
        }
      }
      default -> {}
    }
  }

  /** Puts the fragments of each text message together (screenshots come in many). */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String whole = text.toString();
        text.setLength(0);
        try {
          received(JSON.readTree(whole));
        } catch (IOException e) {
          errors.add("unreadable DevTools message: " + e.getMessage());
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
