package io.stagewatch.check.tcp;

import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.Durations;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A {@code tcp} check: connects within the timeout, then, as asked, sends a line and waits for a
 * text among what the server sends (a banner, an answer) until the deadline.
 *
 * @param send written followed by CR LF, as line-based protocols (SMTP, Redis, memcached) expect;
 *     null to send nothing
 * @param contains a text the server must send; null to only connect (and send)
 */
public record TcpCheckSpec(Endpoint endpoint, @Nullable String send, @Nullable String contains)
    implements CheckSpec {

  @Override
  public CheckOutcome attempt(CheckContext context) {
    String host = endpoint.hostIn(context.environment());
    String target = Endpoint.describe(host, endpoint.port());
    long start = System.nanoTime();
    try (Socket socket = Connector.open(host, endpoint.port(), context)) {
      if (send != null) {
        OutputStream out = socket.getOutputStream();
        out.write((send + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      String wanted = contains;
      if (wanted == null) {
        return passed("connected to " + target, start);
      }
      return new ReplyReader(socket, context, wanted, target).read(start);
    } catch (ConnectFailedException e) {
      return e.outcome();
    } catch (SocketTimeoutException e) {
      return CheckOutcome.error(
          "no complete exchange with " + target + " within " + Durations.format(context.timeout()));
    } catch (IOException e) {
      return CheckOutcome.error(
          "the connection to "
              + target
              + " failed"
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /** A pass that says what was seen and how long it took, for the reports. */
  static CheckOutcome passed(String seen, long startNanos) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    return new CheckOutcome(AttemptVerdict.PASSED, seen + " in " + ms + " ms");
  }
}
