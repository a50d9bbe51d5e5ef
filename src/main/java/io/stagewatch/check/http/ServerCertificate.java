package io.stagewatch.check.http;

import io.stagewatch.check.CertificateLifetime;
import io.stagewatch.check.CheckOutcome;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * The certificate an https response came with, judged against {@code certificateValidFor}: every
 * https check records when it expires (for the metrics), and one that sets certificateValidFor
 * fails, for good, when it expires sooner.
 */
final class ServerCertificate {
  private ServerCertificate() {}

  /**
   * What the certificate says: null for a plain-http response when nothing was asked of it; a
   * permanent failure when {@code validFor} was asked of a plain-http one.
   */
  static @Nullable CheckOutcome judge(HttpResponse<?> response, @Nullable Duration validFor) {
    X509Certificate leaf = leaf(response);
    if (leaf == null) {
      return validFor == null
          ? null
          : CheckOutcome.permanentFailure(
              "certificateValidFor: the response came without a certificate (plain http)");
    }
    return CertificateLifetime.judge(leaf, validFor, Instant.now());
  }

  private static @Nullable X509Certificate leaf(HttpResponse<?> response) {
    SSLSession session = response.sslSession().orElse(null);
    if (session == null) {
      return null;
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
    } catch (SSLPeerUnverifiedException e) {
      // A session without a verified peer has no certificate to judge.
      return null;
    }
  }
}
