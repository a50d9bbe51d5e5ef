package io.stagewatch.check.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the chain the server presented, then hands the verdict to the real trust manager (or, for
 * an {@code insecure} check, to none), so that a certificate that does not verify can still be
 * described: whom it was issued for, when it expires. Being an {@link X509ExtendedTrustManager}
 * matters: the JDK then leaves the host name check to the delegate, which does it as asked.
 */
final class PresentedChain extends X509ExtendedTrustManager {
  private static final X509Certificate[] NONE = new X509Certificate[0];

  private final @Nullable X509ExtendedTrustManager verifier;
  private volatile X509Certificate @Nullable [] chain;

  /**
   * @param verifier null to accept every certificate
   */
  PresentedChain(@Nullable X509ExtendedTrustManager verifier) {
    this.verifier = verifier;
  }

  /** The server's own certificate, once the handshake got that far. */
  @Nullable X509Certificate leaf() {
    X509Certificate[] presented = chain;
    return presented == null || presented.length == 0 ? null : presented[0];
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket)
      throws CertificateException {
    chain = presented.clone();
    if (verifier != null) {
      verifier.checkServerTrusted(presented, authType, socket);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine)
      throws CertificateException {
    chain = presented.clone();
    if (verifier != null) {
      verifier.checkServerTrusted(presented, authType, engine);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType)
      throws CertificateException {
    chain = presented.clone();
    if (verifier != null) {
      verifier.checkServerTrusted(presented, authType);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a tls check is a client: it authenticates no clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a tls check is a client: it authenticates no clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] presented, String authType)
      throws CertificateException {
    throw new CertificateException("a tls check is a client: it authenticates no clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return verifier == null ? NONE.clone() : verifier.getAcceptedIssuers();
  }
}
