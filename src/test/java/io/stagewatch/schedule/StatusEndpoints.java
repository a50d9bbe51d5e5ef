package io.stagewatch.schedule;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The endpoints of a daemon, served as {@code daemon} serves them: a {@link StoreStatus} over the
 * store and the daemon, behind a {@link StatusServer} on a free local port.
 */
public final class StatusEndpoints implements AutoCloseable {
  private final StoreStatus status;
  private final StatusServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private StatusEndpoints(StoreStatus status, StatusServer server) {
    this.status = status;
    this.server = server;
  }

  /** Serves {@code status} of {@code daemon} on a free local port, closing it if that fails. */
  public static StatusEndpoints start(StoreStatus status, Daemon daemon) throws IOException {
    try {
      return new StatusEndpoints(
          status, StatusServer.start(new InetSocketAddress("127.0.0.1", 0), status, daemon::alive));
    } catch (IOException | RuntimeException e) {
      status.close();
      throw e;
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      status.close();
      http.close();
    }
  }
}
