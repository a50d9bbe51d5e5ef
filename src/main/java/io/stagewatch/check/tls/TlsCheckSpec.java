package io.stagewatch.check.tls;

import io.stagewatch.check.CertificateLifetime;
import io.stagewatch.check.CheckContext;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.check.tcp.ConnectFailedException;
import io.stagewatch.check.tcp.Connector;
import io.stagewatch.check.tcp.Endpoint;
import io.stagewatch.config.Durations;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A {@code tls} check: connects, shakes hands, verifies the certificate chain and that it was
 * issued for the server name (unless insecure), and judges how long the certificate has left.
 *
 * @param serverName the name sent in the handshake and matched against the certificate; null for
 *     the host
 * @param validFor the least time the certificate must still be valid; null for any
 */
record TlsCheckSpec(
    Endpoint endpoint, @Nullable String serverName, TlsTrust trust, @Nullable Duration validFor)
    implements CheckSpec {

  @Override
  public CheckOutcome attempt(CheckContext context) {
    String host = endpoint.hostIn(context.environment());
    String name = serverName != null ? serverName : host;
    String target = Endpoint.describe(host, endpoint.port());
    PresentedChain chain;
    try {
      chain = new PresentedChain(trust.verifier());
    } catch (GeneralSecurityException e) {
      return CheckOutcome.permanentError("TLS is not available: " + e.getMessage());
    }
    try (Socket plain = Connector.open(host, endpoint.port(), context);
        SSLSocket tls = handshake(plain, chain, name, context)) {
      X509Certificate leaf = chain.leaf();
      if (leaf == null) {
        leaf = (X509Certificate) tls.getSession().getPeerCertificates()[0];
      }
      return CertificateLifetime.judge(leaf, validFor, Instant.now());
    } catch (ConnectFailedException e) {
      return e.outcome();
    } catch (SocketTimeoutException e) {
      return CheckOutcome.error(
          "no TLS handshake with " + target + " within " + Durations.format(context.timeout()));
    } catch (SSLException e) {
      return TlsErrors.outcome(e, chain.leaf(), name, target);
    } catch (IOException | GeneralSecurityException e) {
      return CheckOutcome.error("TLS handshake with " + target + " failed: " + e.getMessage());
    }
  }

  private SSLSocket handshake(Socket plain, PresentedChain chain, String name, CheckContext context)
      throws IOException, GeneralSecurityException {
    SSLSocket tls =
        (SSLSocket)
            trust
                .context(chain)
                .getSocketFactory()
                .createSocket(plain, name, endpoint.port(), true);
    SSLParameters parameters = tls.getSSLParameters();
    if (!trust.insecure()) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    tls.setSSLParameters(parameters);
    tls.setSoTimeout(Connector.millisLeft(context));
    tls.startHandshake();
    return tls;
  }

  @Override
  public List<String> flags() {
    return trust.insecure() ? List.of("insecure") : List.of();
  }
}
