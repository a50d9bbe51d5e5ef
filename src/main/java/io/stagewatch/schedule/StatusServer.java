package io.stagewatch.schedule;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stagewatch.report.html.StatusPage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The daemon's HTTP endpoints on the JDK's server: {@code /} the status page, {@code /api/status}
 * JSON, {@code /metrics} Prometheus text, {@code /healthz} 200 or 503. Each request reads the
 * status once and renders it with a pure renderer.
 */
public final class StatusServer implements AutoCloseable {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private StatusServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds {@code address} (port 0 picks a free one) and starts serving. */
  public static StatusServer start(InetSocketAddress address, StatusSource source)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    route(server, "/healthz", source, StatusServer::health);
    route(server, "/api/status", source, s -> ok("application/json", StatusJson.render(s)));
    route(server, "/metrics", source, s -> ok(PROMETHEUS_TEXT, DaemonMetrics.render(s)));
    route(server, "/", source, s -> ok("text/html; charset=utf-8", StatusPage.render(s.page())));
    server.start();
    return new StatusServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private record Reply(int status, String contentType, String body) {}

  private static Reply ok(String contentType, String body) {
    return new Reply(200, contentType, body);
  }

  private static Reply health(DaemonStatus status) {
    String text = status.problem().map(p -> "unhealthy: " + p).orElse("ok");
    return new Reply(status.healthy() ? 200 : 503, "text/plain; charset=utf-8", text + "\n");
  }

  private static void route(
      HttpServer server, String path, StatusSource source, Function<DaemonStatus, Reply> render) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
              send(exchange, new Reply(404, "text/plain; charset=utf-8", "not found\n"));
            } else if (!"GET".equals(exchange.getRequestMethod())
                && !"HEAD".equals(exchange.getRequestMethod())) {
              send(exchange, new Reply(405, "text/plain; charset=utf-8", "GET only\n"));
            } else {
              send(exchange, render.apply(source.read()));
            }
          }
        });
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(reply.status(), head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
