package io.stagewatch.schedule;

import java.io.IOException;
import java.io.Serial;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * The daemon's endpoints cannot listen where they were told to: a usage problem (another process
 * has the port, the address is not this machine's), said as {@code cannot listen on HOST:PORT:
 * reason}.
 */
public final class CannotListenException extends IOException {
  @Serial private static final long serialVersionUID = 1L;

  private CannotListenException(String message, Throwable cause) {
    super(message, cause);
  }

  private CannotListenException(String message) {
    super(message);
  }

  /** An address whose host name does not resolve. */
  static CannotListenException unknownHost(InetSocketAddress address) {
    return new CannotListenException(prefix(address) + "unknown host");
  }

  /** Binding {@code address} failed with {@code failure}. */
  static CannotListenException of(InetSocketAddress address, IOException failure) {
    String reason = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    if (reason.contains("already in use")) {
      reason = "address already in use";
    } else if (reason.contains("cannot assign requested address")) {
      reason = "the address is not one of this machine's";
    } else if (reason.contains("permission denied")) {
      reason = "permission denied (ports below 1024 need privileges)";
    }
    return new CannotListenException(prefix(address) + reason, failure);
  }

  /** {@code HOST:PORT} as given, an IPv6 address in brackets. */
  private static String prefix(InetSocketAddress address) {
    String host = address.getHostString();
    return "cannot listen on "
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + address.getPort()
        + ": ";
  }
}
