package io.stagewatch.check.tls;

import io.stagewatch.check.Causes;
import io.stagewatch.check.CertificateLifetime;
import io.stagewatch.check.CheckOutcome;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failed handshake into a sentence: a certificate that does not verify is a failure of the
 * check that no retry changes (the server presents the same one next time); anything else that cuts
 * a handshake short is an error worth retrying.
 */
final class TlsErrors {
  private TlsErrors() {}

  /**
   * @param leaf the server's certificate, when the handshake got as far as receiving it
   * @param serverName the name the certificate must be issued for
   */
  static CheckOutcome outcome(
      SSLException e, @Nullable X509Certificate leaf, String serverName, String target) {
    if (leaf == null
        || !Causes.has(e, CertificateException.class)
            && !Causes.has(e, CertPathBuilderException.class)
            && !Causes.has(e, CertPathValidatorException.class)) {
      return CheckOutcome.error("TLS handshake with " + target + " failed: " + reason(e));
    }
    return CheckOutcome.permanentFailure(untrusted(e, leaf, serverName))
        .withCertificateExpiry(leaf.getNotAfter().toInstant());
  }

  private static String untrusted(SSLException e, X509Certificate leaf, String serverName) {
    String reason = reason(e);
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("subject alternative") || lower.contains("no name matching")) {
      return "certificate for " + CertificateNames.of(leaf) + " does not match host " + serverName;
    }
    if (Causes.has(e, CertificateExpiredException.class)) {
      Instant expiry = leaf.getNotAfter().toInstant();
      return "certificate expired "
          + expiry.truncatedTo(ChronoUnit.SECONDS)
          + " ("
          + CertificateLifetime.daysLeft(Duration.between(Instant.now(), expiry))
          + ")";
    }
    if (Causes.has(e, CertificateNotYetValidException.class)) {
      return "certificate not valid before " + leaf.getNotBefore().toInstant();
    }
    boolean selfSigned = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
    String why =
        lower.contains("unable to find valid certification path")
            ? selfSigned ? "it is self-signed" : "no trusted certificate authority issued it"
            : reason;
    return "certificate not trusted: "
        + why
        + " (issued for "
        + CertificateNames.of(leaf)
        + " by "
        + CertificateNames.issuer(leaf)
        + ")";
  }

  /** The deepest message along the cause chain, which names the actual problem. */
  private static String reason(Throwable t) {
    String reason = "";
    for (Throwable c = t; c != null; c = c.getCause()) {
      String message = c.getMessage();
      if (message != null && !message.isBlank()) {
        reason = message;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return reason.replaceAll("(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):\\s*", "");
  }
}
