package io.stagewatch.schedule;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stagewatch.report.html.StatusPage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The daemon's HTTP endpoints on the JDK's server: {@code /} the status page, {@code /api/status}
 * JSON, {@code /metrics} Prometheus text, {@code /livez} (the scheduler runs) and {@code /readyz}
 * (the store answers and runs complete; {@code /healthz} is the same), each 200 or 503, and {@code
 * /badges/<schedule>/status.svg} and {@code uptime.svg} ({@link Badges}). Each request reads the
 * status once and renders it with a pure renderer.
 *
 * <p>Each exchange runs on a virtual thread of its own with a deadline for reading the request and
 * one for writing the answer ({@link ExchangeThreads}), so clients that never finish a request
 * neither hold up other requests nor pile up.
 */
public final class StatusServer implements AutoCloseable {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /** How long a client has to send its request, and again to take the answer. */
  static final Duration EXCHANGE_DEADLINE = Duration.ofSeconds(5);

  /** Connections the kernel queues before the server accepts them: room for a burst of probes. */
  private static final int BACKLOG = 1024;

  private static final String TEXT = "text/plain; charset=utf-8";

  private final HttpServer server;
  private final ExchangeThreads threads;

  private StatusServer(HttpServer server, ExchangeThreads threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Binds {@code address} (port 0 picks a free one) and starts serving.
   *
   * @param schedulerAlive whether the scheduler loop runs; it must read nothing but the daemon
   * @throws CannotListenException when the address cannot be bound (the port is taken, the address
   *     is not this machine's)
   */
  public static StatusServer start(
      InetSocketAddress address, StatusSource source, BooleanSupplier schedulerAlive)
      throws IOException {
    HttpServer server = bind(address);
    ExchangeThreads threads = new ExchangeThreads(EXCHANGE_DEADLINE);
    server.setExecutor(threads);
    server.createContext(
        "/livez", exchange -> respond(exchange, "/livez", () -> live(schedulerAlive)));
    route(server, "/readyz", source, StatusServer::ready);
    route(server, "/healthz", source, StatusServer::ready);
    route(server, "/api/status", source, s -> ok("application/json", StatusJson.render(s)));
    route(
        server,
        "/metrics",
        source,
        s -> ok(PROMETHEUS_TEXT, DaemonMetrics.render(s, source.counters())));
    route(server, "/", source, s -> ok("text/html; charset=utf-8", StatusPage.render(s.page())));
    server.createContext(
        Badges.PREFIX,
        exchange -> answer(exchange, () -> Badges.answer(exchange.getRequestURI(), source)));
    server.start();
    return new StatusServer(server, threads);
  }

  private static HttpServer bind(InetSocketAddress address) throws IOException {
    if (address.isUnresolved()) {
      throw CannotListenException.unknownHost(address);
    }
    try {
      return HttpServer.create(address, BACKLOG);
    } catch (SocketException e) {
      throw CannotListenException.of(address, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.close();
  }

  /**
   * @param cacheControl how long others may keep the answer: the status is read anew on each
   *     request, except where a little staleness is cheaper for everyone (badges)
   */
  record Reply(int status, String contentType, String body, String cacheControl) {
    Reply(int status, String contentType, String body) {
      this(status, contentType, body, "no-store");
    }
  }

  static Reply ok(String contentType, String body) {
    return new Reply(200, contentType, body);
  }

  static Reply notFound() {
    return new Reply(404, TEXT, "not found\n");
  }

  static Reply badRequest(String why) {
    return new Reply(400, TEXT, why + "\n");
  }

  private static Reply live(BooleanSupplier schedulerAlive) {
    return schedulerAlive.getAsBoolean()
        ? new Reply(200, TEXT, "ok\n")
        : new Reply(503, TEXT, "not alive: the scheduler has stopped\n");
  }

  private static Reply ready(DaemonStatus status) {
    String text = status.problem().map(p -> "not ready: " + p).orElse("ok");
    return new Reply(status.healthy() ? 200 : 503, TEXT, text + "\n");
  }

  private static void route(
      HttpServer server, String path, StatusSource source, Function<DaemonStatus, Reply> render) {
    server.createContext(
        path, exchange -> respond(exchange, path, () -> render.apply(source.read())));
  }

  private static void respond(HttpExchange exchange, String path, Supplier<Reply> answer)
      throws IOException {
    answer(
        exchange,
        () -> exchange.getRequestURI().getPath().equals(path) ? answer.get() : notFound());
  }

  /** Answers a GET or HEAD with what {@code answer} works out for the request. */
  private static void answer(HttpExchange exchange, Supplier<Reply> answer) throws IOException {
    try (exchange) {
      // The request has arrived: no deadline while the answer is worked out, which may read the
      // store; it starts again for writing the answer.
      if (!ExchangeThreads.pause()) {
        throw new IOException("the request did not arrive within its deadline");
      }
      Reply reply;
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        reply = new Reply(405, TEXT, "GET only\n");
      } else {
        reply = answer.get();
      }
      ExchangeThreads.resume();
      send(exchange, reply);
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.getResponseHeaders().set("Cache-Control", reply.cacheControl());
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(reply.status(), head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
