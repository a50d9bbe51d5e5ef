package io.stagewatch.check.tcp;

import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.config.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * Opens a TCP connection within an attempt's deadline and says in plain words why it could not.
 * Every way a connection fails is worth retrying: a refused port is often a service restarting.
 */
public final class Connector {
  private Connector() {}

  /**
   * A connected socket whose reads time out at the attempt's deadline. Resolving the host name is
   * the one wait the deadline cannot cut; the runner abandons an attempt stuck there.
   */
  public static Socket open(String host, int port, CheckContext context)
      throws ConnectFailedException {
    String target = Endpoint.describe(host, port);
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new ConnectFailedException(CheckOutcome.error("unknown host " + host));
    }
    Socket socket = new Socket();
    context.resources().waitingOnNetwork();
    try {
      socket.connect(address, millisLeft(context));
      socket.setSoTimeout(millisLeft(context));
      return socket;
    } catch (SocketTimeoutException e) {
      close(socket);
      throw new ConnectFailedException(
          CheckOutcome.error(
              "could not connect to " + target + " within " + Durations.format(context.timeout())));
    } catch (IOException e) {
      close(socket);
      throw new ConnectFailedException(CheckOutcome.error(refusedOrOther(e, target)));
    }
  }

  /** What is left of the attempt, at least a millisecond (zero would mean no limit at all). */
  public static int millisLeft(CheckContext context) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, context.remaining().toMillis()));
  }

  private static String refusedOrOther(IOException e, String target) {
    String reason = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof ConnectException
        && (reason.isEmpty() || reason.toLowerCase(Locale.ROOT).contains("refused"))) {
      return "connection refused by " + target;
    }
    return "could not connect to " + target + (reason.isEmpty() ? "" : ": " + reason);
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // A socket that never connected has nothing to release; the connect failure is the news.
    }
  }
}
