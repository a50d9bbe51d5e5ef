package io.stagewatch.check.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckSpec;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpCheckTlsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @RegisterExtension
  static final WireMockExtension target =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
          .build();

  private final SuiteCheck suite = new SuiteCheck();

  @AfterEach
  void close() {
    suite.close();
  }

  private URI httpsBase(String host) {
    return URI.create("https://" + host + ":" + target.getHttpsPort());
  }

  @Test
  void aSelfSignedCertificateFailsVerification() throws Exception {
    target.stubFor(get("/health").willReturn(okJson("{}")));

    CheckOutcome outcome =
        suite.attempt(suite.read("http: {path: /health}"), httpsBase("localhost"), TIMEOUT);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.ERROR);
    assertThat(outcome.message())
        .startsWith("TLS handshake failed: certificate not trusted (")
        .doesNotContain("Exception");
  }

  @Test
  void anInsecureCheckAcceptsTheCertificateAndIsFlagged() throws Exception {
    target.stubFor(get("/health").willReturn(okJson("{}")));
    CheckSpec spec = suite.read("http: {path: /health, insecure: true}");

    CheckOutcome outcome = suite.attempt(spec, httpsBase("localhost"), TIMEOUT);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.PASSED);
    assertThat(outcome.message()).isNull();
    assertThat(spec.flags()).containsExactly("insecure");
  }

  @Test
  void anInsecureCheckAlsoSkipsTheHostNameCheck() throws Exception {
    target.stubFor(get("/health").willReturn(okJson("{}")));

    CheckOutcome outcome =
        suite.attempt(
            suite.read("http: {path: /health, insecure: true}"), httpsBase("127.0.0.1"), TIMEOUT);

    assertThat(outcome.verdict()).isEqualTo(AttemptVerdict.PASSED);
  }

  @Test
  void verifyingAndInsecureChecksInOneRunUseTheirOwnClients() throws Exception {
    target.stubFor(get("/health").willReturn(okJson("{}")));
    CheckSpec insecure = suite.read("http: {path: /health, insecure: true}");
    CheckSpec verifying = suite.read("http: {path: /health}");

    assertThat(suite.attempt(insecure, httpsBase("localhost"), TIMEOUT).verdict())
        .isEqualTo(AttemptVerdict.PASSED);
    assertThat(suite.attempt(verifying, httpsBase("localhost"), TIMEOUT).verdict())
        .isEqualTo(AttemptVerdict.ERROR);
    assertThat(suite.attempt(insecure, httpsBase("localhost"), TIMEOUT).verdict())
        .isEqualTo(AttemptVerdict.PASSED);
  }
}
