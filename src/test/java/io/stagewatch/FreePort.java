package io.stagewatch;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports that nothing listens on at the moment they are picked. */
public final class FreePort {
  private FreePort() {}

  /** A port the system hands out as free; it is let go at once, so it may be taken later. */
  public static int pick() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
