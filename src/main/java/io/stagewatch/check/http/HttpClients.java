package io.stagewatch.check.http;

import io.stagewatch.check.CheckResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP clients of one run, shared by all its {@code http} checks so connections are reused, and
 * created on first use: one for plain {@code http://}, one that verifies TLS certificates and, only
 * if some check asks for it, one that does not. Closed with the run's {@link CheckResources}.
 *
 * <p>The plain client exists because a client's TLS set-up loads the JDK's security providers and
 * trusted certificates whether or not it ever speaks TLS, which costs a short run a noticeable part
 * of its start-up; it gets a {@link NoTlsContext} instead.
 */
public final class HttpClients implements AutoCloseable {
  /**
   * A fixed connect timeout, because the clients are shared by checks with different timeouts; each
   * attempt's own deadline cuts a shorter wait.
   */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private @Nullable HttpClient plain;
  private @Nullable HttpClient verifying;
  private @Nullable HttpClient insecure;

  /** The run's clients, created on first use. */
  public static HttpClients of(CheckResources resources) {
    return resources.get(HttpClients.class, HttpClients::new);
  }

  /**
   * The client for a request to {@code uri}; {@code insecureTls} selects, for {@code https}, the
   * one that trusts every certificate.
   */
  public synchronized HttpClient client(URI uri, boolean insecureTls) {
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      HttpClient c = plain;
      if (c == null) {
        // HTTP/1.1: a cleartext client left at HTTP/2 asks every new connection to upgrade (h2c),
        // which staging servers rarely speak and which costs each connection work for nothing.
        c = build(NoTlsContext.create(), HttpClient.Version.HTTP_1_1);
        plain = c;
      }
      return c;
    }
    if (insecureTls) {
      HttpClient c = insecure;
      if (c == null) {
        c = build(trustingEverything(), HttpClient.Version.HTTP_2);
        insecure = c;
      }
      return c;
    }
    HttpClient c = verifying;
    if (c == null) {
      c = build(null, HttpClient.Version.HTTP_2);
      verifying = c;
    }
    return c;
  }

  @Override
  public synchronized void close() {
    for (HttpClient c : new HttpClient[] {plain, verifying, insecure}) {
      if (c != null) {
        // Attempts abandoned at their deadline may still hold exchanges; do not wait on them, nor
        // on the client's selector thread, which ends on its own a few milliseconds later.
        c.shutdownNow();
      }
    }
    plain = null;
    verifying = null;
    insecure = null;
  }

  private static HttpClient build(@Nullable SSLContext ssl, HttpClient.Version version) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(version)
            // The client's own steps (parsing a response, feeding the body subscriber, completing
            // the future) run on its selector thread instead of being handed to a worker pool:
            // none of them blocks, and the hand-offs cost more CPU than the steps themselves (a
            // quarter less CPU for 2000 checks). The checks wait on their own virtual threads.
            .executor(Runnable::run)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT);
    if (ssl != null) {
      // With parameters given, the client does not ask the context for its defaults.
      builder.sslContext(ssl).sslParameters(new SSLParameters());
    }
    return builder.build();
  }

  private static SSLContext trustingEverything() {
    return context(null, new TrustManager[] {new TrustAllManager()});
  }

  private static SSLContext context(KeyManager @Nullable [] keys, TrustManager[] trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this Java runtime", e);
    }
  }
}
