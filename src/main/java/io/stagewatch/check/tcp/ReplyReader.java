package io.stagewatch.check.tcp;

import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.Quoted;
import io.stagewatch.config.Durations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what a server sends until a text shows up, the server closes the connection, the attempt's
 * deadline passes or {@link #CAP} bytes have come. A failure shows the start of what was received,
 * with the run's secrets masked and control characters made visible.
 */
final class ReplyReader {
  /** The most that is read while waiting for the text. */
  static final int CAP = 64 * 1024;

  /** The most of the reply a message shows, in characters. */
  private static final int SHOWN = 200;

  private final Socket socket;
  private final CheckContext context;
  private final String wanted;
  private final String target;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  ReplyReader(Socket socket, CheckContext context, String wanted, String target) {
    this.socket = socket;
    this.context = context;
    this.wanted = wanted;
    this.target = target;
  }

  CheckOutcome read(long startNanos) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    while (received.size() < CAP) {
      if (context.remaining().isZero()) {
        return notSeen("within " + Durations.format(context.timeout()));
      }
      socket.setSoTimeout(Connector.millisLeft(context));
      int n;
      try {
        n = in.read(buffer, 0, Math.min(buffer.length, CAP - received.size()));
      } catch (SocketTimeoutException e) {
        return notSeen("within " + Durations.format(context.timeout()));
      }
      if (n < 0) {
        return notSeen("before it closed the connection");
      }
      received.write(buffer, 0, n);
      if (text().contains(wanted)) {
        return TcpCheckSpec.passed("received " + Quoted.of(wanted) + " from " + target, startNanos);
      }
    }
    return notSeen("in the first " + CAP / 1024 + " KiB");
  }

  private String text() {
    return received.toString(StandardCharsets.UTF_8);
  }

  private CheckOutcome notSeen(String when) {
    return CheckOutcome.failed(
        target + " did not send " + Quoted.of(wanted) + " " + when + "; received: " + shown());
  }

  private String shown() {
    if (received.size() == 0) {
      return "nothing";
    }
    String text = context.secrets().mask(text());
    boolean cut = text.length() > SHOWN;
    StringBuilder out = new StringBuilder("\"");
    text.substring(0, Math.min(SHOWN, text.length())).codePoints().forEach(c -> visible(out, c));
    return out.append(cut ? "\"..." : "\"").toString();
  }

  private static void visible(StringBuilder out, int c) {
    switch (c) {
      case '\r' -> out.append("\\r");
      case '\n' -> out.append("\\n");
      case '\t' -> out.append("\\t");
      case '"' -> out.append("\\\"");
      default -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c);
    }
  }
}
