package io.stagewatch.check.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A real TCP server on a loopback port whose connections a test's handler serves. */
public final class SocketServer implements AutoCloseable {
  /** What the server does with one connection; the connection is closed after it. */
  public interface Handler {
    void serve(Socket connection) throws IOException;
  }

  private final ServerSocket socket;

  public SocketServer(Handler handler) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> accept(handler));
  }

  /** Sends {@code banner} at once, then waits for the client to close. */
  public static Handler banner(String banner) {
    return connection -> {
      connection.getOutputStream().write(banner.getBytes(StandardCharsets.UTF_8));
      untilClosed(connection);
    };
  }

  /** Answers {@code reply} to the first line the client sends. */
  public static Handler answering(String reply) {
    return connection -> {
      InputStream in = connection.getInputStream();
      for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
        // Reads up to the end of the first line.
      }
      connection.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
      untilClosed(connection);
    };
  }

  /** Sends nothing, and keeps the connection open until the client closes it. */
  public static Handler silent() {
    return SocketServer::untilClosed;
  }

  private static void untilClosed(Socket connection) throws IOException {
    InputStream in = connection.getInputStream();
    while (in.read() >= 0) {
      // Drains whatever the client sends until it closes.
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void accept(Handler handler) {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread.ofVirtual().start(() -> serve(handler, connection));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(Handler handler, Socket connection) {
    try (connection) {
      handler.serve(connection);
    } catch (IOException e) {
      // The client went away; that ends this connection only.
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
