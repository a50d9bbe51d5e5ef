package io.stagewatch.check.http;

import io.stagewatch.check.CheckResources;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP clients of one run, shared by all its {@code http} checks so connections are reused: one
 * that verifies TLS certificates and, only if some check asks for it, one that does not. Closed
 * with the run's {@link CheckResources}.
 */
public final class HttpClients implements AutoCloseable {
  /**
   * A fixed connect timeout, because the clients are shared by checks with different timeouts; each
   * attempt's own deadline cuts a shorter wait.
   */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private @Nullable HttpClient verifying;
  private @Nullable HttpClient insecure;

  /** The run's clients, created on first use. */
  public static HttpClients of(CheckResources resources) {
    return resources.get(HttpClients.class, HttpClients::new);
  }

  /** The client to use; {@code insecureTls} selects the one that trusts every certificate. */
  public synchronized HttpClient client(boolean insecureTls) {
    if (insecureTls) {
      HttpClient c = insecure;
      if (c == null) {
        c = build(trustingEverything());
        insecure = c;
      }
      return c;
    }
    HttpClient c = verifying;
    if (c == null) {
      c = build(null);
      verifying = c;
    }
    return c;
  }

  @Override
  public synchronized void close() throws InterruptedException {
    for (HttpClient c : new HttpClient[] {verifying, insecure}) {
      if (c != null) {
        // Attempts abandoned at their deadline may still hold exchanges; do not wait on them.
        c.shutdownNow();
        c.awaitTermination(CLOSE_WAIT);
      }
    }
    verifying = null;
    insecure = null;
  }

  private static HttpClient build(@Nullable SSLContext ssl) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT);
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    return builder.build();
  }

  private static SSLContext trustingEverything() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAllManager()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this Java runtime", e);
    }
  }
}
