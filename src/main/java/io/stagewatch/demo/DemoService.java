package io.stagewatch.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small staging service on a loopback port: healthy endpoints, one slow endpoint, one that fails
 * once and then recovers, and an OpenAPI document. It lets {@code demo} show every status without a
 * network or a config.
 */
public final class DemoService implements AutoCloseable {
  /** How long {@code /api/health} takes to answer: slow, but within the shipped timeouts. */
  public static final Duration SLOW_ENDPOINT_DELAY = Duration.ofMillis(400);

  private static final String JSON = "application/json";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger livenessCalls = new AtomicInteger();

  private DemoService(HttpServer server) {
    this.server = server;
  }

  /** Starts the service on a free loopback port ({@code port} 0) or the given one. */
  public static DemoService start(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    DemoService service = new DemoService(server);
    server.createContext("/", service::handle);
    server.setExecutor(service.threads);
    server.start();
    return service;
  }

  public URI baseUrl() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/health" -> send(exchange, 200, JSON, "{\"status\":\"UP\"}");
        case "/healthz" -> {
          // Fails the first time, like a pod that is still warming up: the retry makes it FLAKY.
          if (livenessCalls.getAndIncrement() == 0) {
            send(exchange, 503, "text/plain", "warming up");
          } else {
            send(exchange, 200, "text/plain", "ok");
          }
        }
        case "/api/health" -> {
          sleep(SLOW_ENDPOINT_DELAY);
          send(exchange, 200, JSON, "{\"status\":\"UP\",\"components\":{\"db\":\"UP\"}}");
        }
        case "/openapi.json" -> send(exchange, 200, JSON, DemoPages.OPENAPI);
        case "/version" -> send(exchange, 200, JSON, "{\"version\":\"1.4.2\"}");
        case "/" -> send(exchange, 200, "text/html; charset=utf-8", DemoPages.HOME);
        default -> send(exchange, 404, JSON, "{\"error\":\"not found\"}");
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
