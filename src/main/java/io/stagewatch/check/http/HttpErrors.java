package io.stagewatch.check.http;

import io.stagewatch.check.Causes;
import io.stagewatch.config.Secrets;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the HTTP client throws into a sentence a person on call can act on, and tells the
 * failures that no retry can change from the rest. This is the one place that knows the client's
 * exception types; no class name reaches the message.
 */
final class HttpErrors {
  /** A qualified or bare exception class name, with the colon that usually follows it. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)(?::\\s*)?");

  private static final int REASON_LIMIT = 200;

  private HttpErrors() {}

  /**
   * Why the request to {@code uri} failed, in plain words (what the server sent masked with {@code
   * secrets} before it is shortened), and whether a retry could help.
   */
  static ExchangeFailedException failure(Throwable thrown, URI uri, Secrets secrets) {
    return new ExchangeFailedException(describe(thrown, uri, secrets), isPermanent(thrown));
  }

  /**
   * Whether the same request would fail the same way however often it is sent: it cannot be built
   * (a header the client refuses, a malformed URL), or the server's certificate does not verify
   * (untrusted, expired, another host's). Everything else, a handshake cut short included, may go
   * differently next time.
   */
  static boolean isPermanent(Throwable thrown) {
    Throwable t = unwrap(thrown);
    if (t instanceof IllegalArgumentException) {
      return true;
    }
    return Causes.has(t, SSLException.class)
        && (Causes.has(t, CertificateException.class)
            || Causes.has(t, CertPathBuilderException.class)
            || Causes.has(t, CertPathValidatorException.class));
  }

  /**
   * A plain-words description of why the request to {@code uri} failed. What the server sent is
   * masked with {@code secrets} before it is shortened.
   */
  private static String describe(Throwable thrown, URI uri, Secrets secrets) {
    Throwable t = unwrap(thrown);
    String target = hostAndPort(uri);
    if (t instanceof ExchangeFailedException e) {
      return e.getMessage();
    }
    if (t instanceof HttpConnectTimeoutException) {
      return "could not connect to "
          + target
          + " within "
          + HttpClients.CONNECT_TIMEOUT.toSeconds()
          + "s";
    }
    if (t instanceof HttpTimeoutException) {
      return "no response from " + target + " in time";
    }
    if (Causes.has(t, UnresolvedAddressException.class)
        || Causes.has(t, UnknownHostException.class)) {
      return "unknown host " + uri.getHost();
    }
    if (Causes.has(t, SSLException.class)) {
      return tls(t);
    }
    if (t instanceof ConnectException) {
      String reason = reason(t);
      return reason.isEmpty() || reason.toLowerCase(Locale.ROOT).contains("refused")
          ? "connection refused by " + target
          : "could not connect to " + target + ": " + reason;
    }
    if (t instanceof IllegalArgumentException) {
      return "the request could not be built: " + reason(t);
    }
    return connectionProblem(t, target, secrets);
  }

  private static String connectionProblem(Throwable t, String target, Secrets secrets) {
    String reason = secrets.mask(reason(t));
    String lower = reason.toLowerCase(Locale.ROOT);
    if (t instanceof EOFException
        || Causes.has(t, ClosedChannelException.class)
        || lower.contains("reset")
        || lower.contains("closed")
        || lower.contains("eof")
        || lower.contains("received no bytes")) {
      return "the server closed the connection before answering";
    }
    if (t instanceof ProtocolException
        || lower.contains("invalid")
        || lower.contains("illegal")
        || lower.contains("parsing")
        || lower.contains("bad ")
        || lower.contains("unexpected")
        || lower.contains("malformed")) {
      return "the server sent a malformed response: " + shortened(reason);
    }
    return "the request to " + target + " failed" + (reason.isEmpty() ? "" : ": " + reason);
  }

  private static String tls(Throwable t) {
    String reason = reason(root(t));
    if (Causes.has(t, CertificateExpiredException.class)) {
      return "TLS handshake failed: certificate expired (" + reason + ")";
    }
    if (Causes.has(t, CertPathBuilderException.class)
        || Causes.has(t, CertPathValidatorException.class)) {
      return "TLS handshake failed: certificate not trusted (" + reason + ")";
    }
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("subject alternative") || lower.contains("no name matching")) {
      return "TLS handshake failed: certificate does not match the host (" + reason + ")";
    }
    return "TLS handshake failed" + (reason.isEmpty() ? "" : ": " + reason);
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable t = thrown;
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static Throwable root(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  /** The first message along the cause chain, without class names. */
  private static String reason(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      @Nullable String message = c.getMessage();
      if (message != null && !message.isBlank()) {
        return CLASS_NAME.matcher(message).replaceAll("").trim();
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return "";
  }

  /** Garbage from a server can be long and unprintable; a message needs only a taste of it. */
  private static String shortened(String reason) {
    String printable = reason.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= REASON_LIMIT
        ? printable
        : printable.substring(0, REASON_LIMIT) + "...";
  }

  private static String hostAndPort(URI uri) {
    int port = uri.getPort();
    if (port == -1) {
      port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
    return uri.getHost() + ":" + port;
  }
}
