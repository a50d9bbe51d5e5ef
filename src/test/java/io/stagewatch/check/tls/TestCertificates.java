package io.stagewatch.check.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Real certificates made in a test: a certificate authority, and server certificates it signs (or
 * that sign themselves) for chosen names and lifetimes.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** A key and the chain that goes with it, the server's certificate first. */
  public record Identity(KeyPair keys, X509Certificate... chain) {
    public X509Certificate leaf() {
      return chain[0];
    }
  }

  private final Identity authority;

  public TestCertificates() throws GeneralSecurityException {
    KeyPair keys = keyPair();
    X500Name name = new X500Name("CN=stagewatch test CA");
    authority =
        new Identity(keys, sign(name, keys, name, keys, Duration.ofDays(365), true, new String[0]));
  }

  /** A certificate for {@code names} (DNS names or IP addresses), signed by this authority. */
  public Identity server(Duration validFor, String... names) throws GeneralSecurityException {
    KeyPair keys = keyPair();
    X509Certificate leaf =
        sign(
            new X500Name("CN=" + names[0]),
            keys,
            new X500Name(authority.leaf().getSubjectX500Principal().getName()),
            authority.keys(),
            validFor,
            false,
            names);
    return new Identity(keys, leaf, authority.leaf());
  }

  /** A certificate for {@code names} that signs itself, as a staging server's often does. */
  public static Identity selfSigned(Duration validFor, String... names)
      throws GeneralSecurityException {
    KeyPair keys = keyPair();
    X500Name name = new X500Name("CN=" + names[0]);
    return new Identity(keys, sign(name, keys, name, keys, validFor, false, names));
  }

  /** Writes the authority's certificate as PEM, the way a CA file holds it. */
  public Path writeAuthority(Path file) throws IOException {
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(authority.leaf());
    }
    return Files.writeString(file, pem.toString());
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(
      X500Name subject,
      KeyPair subjectKeys,
      X500Name issuer,
      KeyPair issuerKeys,
      Duration validFor,
      boolean authority,
      String[] names)
      throws GeneralSecurityException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(validFor)),
            subject,
            subjectKeys.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      if (authority) {
        builder.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
      }
      ContentSigner signer =
          new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (IOException | OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static GeneralNames alternativeNames(String[] names) {
    GeneralName[] general = new GeneralName[names.length];
    for (int i = 0; i < names.length; i++) {
      boolean address = names[i].matches("[0-9.]+|.*:.*");
      general[i] = new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
    }
    return new GeneralNames(general);
  }
}
