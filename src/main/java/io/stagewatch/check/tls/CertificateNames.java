package io.stagewatch.check.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/** The names a certificate was issued for, as a message shows them. */
final class CertificateNames {
  /** A DNS name or an IP address among the subject alternative names. */
  private static final int DNS_NAME = 2;

  private static final int IP_ADDRESS = 7;

  private static final Pattern COMMON_NAME = Pattern.compile("(?:^|,)\\s*CN=([^,]+)");

  private CertificateNames() {}

  /**
   * The DNS names and addresses of the subject alternative names, which are what a client matches;
   * the subject's common name when there are none.
   */
  static String of(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> entry : alternatives) {
          Object type = entry.get(0);
          if (type instanceof Integer t && (t == DNS_NAME || t == IP_ADDRESS)) {
            names.add(String.valueOf(entry.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // A malformed extension: the subject's name below still says whose certificate it is.
    }
    return names.isEmpty()
        ? commonName(certificate.getSubjectX500Principal())
        : String.join(", ", names);
  }

  /** The issuer, by its common name when it has one. */
  static String issuer(X509Certificate certificate) {
    return commonName(certificate.getIssuerX500Principal());
  }

  private static String commonName(X500Principal principal) {
    String name = principal.getName(X500Principal.RFC2253);
    Matcher m = COMMON_NAME.matcher(name);
    return m.find() ? m.group(1) : name;
  }
}
