package io.stagewatch.check.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Whom a {@code tls} check trusts: the Java runtime's certificate authorities, the authorities of a
 * {@code caFile} instead of them, or, for an {@code insecure} check, anyone.
 *
 * @param authorities the certificates of {@code caFile}; empty for the runtime's own
 */
record TlsTrust(boolean insecure, List<X509Certificate> authorities) {
  static final TlsTrust RUNTIME = new TlsTrust(false, List.of());
  static final TlsTrust ANYONE = new TlsTrust(true, List.of());

  /** Verifiers by trust: a record's equality is its authorities'. */
  private static final Map<TlsTrust, X509ExtendedTrustManager> VERIFIERS =
      new ConcurrentHashMap<>();

  TlsTrust {
    authorities = List.copyOf(authorities);
  }

  /**
   * The certificates of a PEM (or DER) file of certificate authorities.
   *
   * @throws IOException when the file cannot be read
   * @throws CertificateException when it holds something else than certificates, or none
   */
  static TlsTrust ofFile(Path file) throws IOException, CertificateException {
    List<X509Certificate> certificates = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        if (c instanceof X509Certificate x509) {
          certificates.add(x509);
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new CertificateException("it holds no certificate");
    }
    return new TlsTrust(false, certificates);
  }

  /** A TLS context for one handshake, whose trust manager keeps the chain in {@code chain}. */
  SSLContext context(PresentedChain chain) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {chain}, null);
    return context;
  }

  /**
   * The trust manager that judges a chain; null for an insecure check, which judges none. Made once
   * per trust and kept (trust managers may be shared): making one reads the runtime's {@code
   * cacerts} or builds a key store, which each attempt would otherwise pay within its deadline.
   */
  @Nullable X509ExtendedTrustManager verifier() throws GeneralSecurityException {
    if (insecure) {
      return null;
    }
    X509ExtendedTrustManager made = VERIFIERS.get(this);
    if (made == null) {
      made = makeVerifier();
      VERIFIERS.putIfAbsent(this, made);
    }
    return made;
  }

  private X509ExtendedTrustManager makeVerifier() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (authorities.isEmpty()) {
      factory.init((KeyStore) null);
    } else {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      try {
        store.load(null, null);
      } catch (IOException e) {
        throw new GeneralSecurityException("an empty key store could not be made", e);
      }
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      factory.init(store);
    }
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the Java runtime has no X.509 trust manager");
  }
}
