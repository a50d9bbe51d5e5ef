package io.stagewatch.check.http;

import io.stagewatch.check.CheckResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

  /** The kinds of client a run may need. */
  private enum Kind {
    PLAIN,
    VERIFYING,
    INSECURE
  }

  /** Set on a thread while it starts a request in {@link #send}. */
  private static final ThreadLocal<Boolean> STARTING = new ThreadLocal<>();

  private final Map<Kind, HttpClient> clients = new EnumMap<>(Kind.class);

  /** The run's resources, told of each request handed to the network. */
  private final CheckResources resources;

  private HttpClients(CheckResources resources) {
    this.resources = resources;
  }

  /** The run's clients, created on first use. */
  public static HttpClients of(CheckResources resources) {
    return resources.get(HttpClients.class, () -> new HttpClients(resources));
  }

  /**
   * The client for a request to {@code uri}; {@code insecureTls} selects, for {@code https}, the
   * one that trusts every certificate.
   */
  private synchronized HttpClient client(URI uri, boolean insecureTls) {
    Kind kind =
        "http".equalsIgnoreCase(uri.getScheme())
            ? Kind.PLAIN
            : insecureTls ? Kind.INSECURE : Kind.VERIFYING;
    return clients.computeIfAbsent(kind, HttpClients::build);
  }

  @Override
  public synchronized void close() {
    // Attempts abandoned at their deadline may still hold exchanges; do not wait on them, nor on
    // the clients' selector threads, which end on their own a few milliseconds later.
    clients.values().forEach(HttpClient::shutdownNow);
    clients.clear();
  }

  private static HttpClient build(Kind kind) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .executor(HttpClients::runStep)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT);
    return switch (kind) {
      // HTTP/1.1: a cleartext client left at HTTP/2 asks every new connection to upgrade (h2c),
      // which staging servers rarely speak and which costs each connection work for nothing. With
      // TLS parameters given, the client does not ask its context for defaults.
      case PLAIN ->
          builder
              .version(HttpClient.Version.HTTP_1_1)
              .sslContext(NoTlsContext.create())
              .sslParameters(new SSLParameters())
              .build();
      case VERIFYING -> builder.build();
      case INSECURE -> builder.sslContext(trustingEverything()).build();
    };
  }

  /**
   * Starts {@code request} on the client for its URI. The client's first step, which resolves the
   * host name in a call no deadline interrupts, runs on a virtual thread of its own, so the caller
   * only has to wait for the returned future, within its deadline.
   */
  public <T> CompletableFuture<HttpResponse<T>> send(
      HttpRequest request, boolean insecureTls, HttpResponse.BodyHandler<T> handler) {
    HttpClient client = client(request.uri(), insecureTls);
    CompletableFuture<HttpResponse<T>> response;
    STARTING.set(Boolean.TRUE);
    try {
      response = client.sendAsync(request, handler);
    } finally {
      STARTING.remove();
    }
    resources.waitingOnNetwork();
    return response;
  }

  /**
   * Where the clients run a step of an exchange: the step that starts a request (see {@link #send})
   * on a virtual thread of its own; every later step (parsing a response, feeding the body
   * subscriber, completing the future) where it is called, the client's selector thread. None of
   * those blocks, and hand-offs to a pool cost more CPU than the steps themselves (a quarter less
   * CPU for 2000 checks).
   */
  private static void runStep(Runnable step) {
    if (STARTING.get() != null) {
      Thread.ofVirtual().start(step);
    } else {
      step.run();
    }
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
