package io.stagewatch.check.http;

import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of the plain-{@code http://} client, which never speaks TLS. A JDK {@code
 * HttpClient} cannot be built without a TLS context, and any real one makes the JDK load its
 * security providers, cipher suites and curves: some three hundred classes and a noticeable part of
 * a short run's start-up, for a client that will not use them. This one refuses every use.
 */
final class NoTlsContext extends SSLContext {
  private NoTlsContext() {
    super(new Refusing(), new NoProvider(), "none");
  }

  static SSLContext create() {
    return new NoTlsContext();
  }

  /** Names where the context comes from, in the unlikely message that shows it. */
  private static final class NoProvider extends Provider {
    private static final long serialVersionUID = 1L;

    NoProvider() {
      super("stagewatch-no-tls", "1", "no TLS: the client for plain http");
    }
  }

  private static final class Refusing extends SSLContextSpi {
    private static UnsupportedOperationException refused() {
      return new UnsupportedOperationException("the client for plain http does not speak TLS");
    }

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
      throw refused();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }
  }
}
