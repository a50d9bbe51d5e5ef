package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the frozen secrets mask, in which forms, and what they leave alone. */
class SecretsTest {
  static final String TOKEN = "t0k/en+s3cr3t=47~?";

  /** Secrets as {@code name, value, name, value, ...}, in that order. */
  static Secrets of(String... namesAndValues) {
    SecretCollector collector = new SecretCollector();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      collector.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return collector.freeze();
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "as written               | t0k/en+s3cr3t=47~?",
        "URL-encoded (Java)       | t0k%2Fen%2Bs3cr3t%3D47%7E%3F",
        "URL-encoded (RFC 3986)   | t0k%2Fen%2Bs3cr3t%3D47~%3F",
        "URL-encoded, lower hex   | t0k%2fen%2bs3cr3t%3d47%7e%3f",
        "JSON with \\/            | t0k\\/en+s3cr3t=47~?",
        "base64                   | dDBrL2VuK3MzY3IzdD00N34/",
        "base64, URL-safe         | dDBrL2VuK3MzY3IzdD00N34_",
      })
  void everyFormOfALongSecretIsMasked(String form, String echoed) {
    Secrets secrets = of("STAGING_TOKEN", TOKEN);

    assertThat(secrets.mask("server said [" + echoed + "]")).isEqualTo("server said [***]");
  }

  @ParameterizedTest(name = "after {0} bytes")
  @CsvSource({"0", "1", "2", "3", "4", "5"})
  void aSecretInsideALongerBase64TextIsMaskedWhereverItStarts(int before) {
    Secrets secrets = of("STAGING_TOKEN", TOKEN);
    String encoded = base64("x".repeat(before) + TOKEN + "yyyy");
    // The characters that encode the token's bytes alone; those around share bits with x and y.
    int first = (before * 8 + 5) / 6;
    int last = (before + TOKEN.length()) * 8 / 6;

    assertThat(secrets.mask(encoded))
        .isEqualTo(encoded.substring(0, first) + Secrets.MASK + encoded.substring(last));
  }

  @Test
  void aShortSecretIsNotLookedForInFreeTextButIsKeptOutOfUrls() {
    Secrets secrets = of("STAGING_TOKEN", "x", "STAGING_DB_PASSWORD", "test");

    assertThat(secrets.mask("expected text/html; tests ran"))
        .isEqualTo("expected text/html; tests ran");
    assertThat(secrets.maskUrl("https://x.example/test/tests?k=x&q=tests#p=test"))
        .isEqualTo("https://x.example/***/tests?k=***&q=tests#p=***");
    assertThat(secrets.tooShort()).containsExactly("STAGING_TOKEN", "STAGING_DB_PASSWORD");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://h/a?api_key=v1&page=2             | https://h/a?api_key=***&page=2",
        "https://h/a?page=2&access_token=v1        | https://h/a?page=2&access_token=***",
        "/a?token=v1                                | /a?token=***",
        "/a?key=v1&sig=v2&signature=v3              | /a?key=***&sig=***&signature=***",
        "/a?secret=v1&password=v2                   | /a?secret=***&password=***",
        "/a?client_secret=v1&X-Amz-Signature=v2     | /a?client_secret=***&X-Amz-Signature=***",
        "/a?apiKey=v1&refreshToken=v2               | /a?apiKey=***&refreshToken=***",
        "/a?monkey=v1&keyboard=v2&page=v3           | /a?monkey=v1&keyboard=v2&page=v3",
        "jdbc:postgresql://h/db?user=u&password=p   | jdbc:postgresql://h/db?user=u&password=***",
        "jdbc:sqlserver://h;user=u;password=p       | jdbc:sqlserver://h;user=u;password=***",
        "https://u:p4ss@h/a                         | https://u:***@h/a",
        "host=h user=u password=p                   | host=h user=u password=***",
        "https://hooks.slack.com/services/T/B/x     | https://hooks.slack.com/***",
        "https:\\/\\/hooks.slack.com\\/services\\/T | https:\\/\\/hooks.slack.com\\/***",
      })
  void whatIsSecretByItsPlaceInAUrlIsMaskedInAnyText(String text, String masked) {
    assertThat(Secrets.none().mask("see " + text)).isEqualTo("see " + masked);
  }

  @Test
  void aRunsCopyLearnsSecretsUnderTheSameRulesAndTheConfigsStayFrozen() {
    Secrets config = of("STAGING_TOKEN", "tok-1234-config");
    Secrets run = config.learning();

    run.learn("the captured value ${sessionToken}", "sess-9876-captured");
    run.learn("the captured value ${pin}", "4711");
    run.learnHeader("Authorization", "Bearer abc-123-from-a-capture");

    assertThat(run.mask("tok-1234-config sess-9876-captured abc-123-from-a-capture"))
        .isEqualTo("*** *** ***");
    // A short value is not looked for in free text, as for the config's secrets.
    assertThat(run.mask("pin 4711")).isEqualTo("pin 4711");
    assertThat(run.maskUrl("https://h/pins/4711")).isEqualTo("https://h/pins/***");
    assertThat(run.tooShort()).containsExactly("the captured value ${pin}");
    assertThat(config.mask("sess-9876-captured")).isEqualTo("sess-9876-captured");
    assertThatThrownBy(() -> config.learn("x", "sess-9876-captured"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aHeaderHoldsASecretWhenItHasALongOneAnywhereOrAShortOneAsAWord() {
    Secrets secrets = of("SESSION_TOKEN", "sess-1234-abcd", "STAGING_TOKEN", "x");

    assertThat(secrets.holdsSecret("session=sess-1234-abcd; path=/")).isTrue();
    assertThat(secrets.holdsSecret("Bearer x")).isTrue();
    assertThat(secrets.holdsSecret("application/xml")).isFalse();
    assertThat(secrets.holdsSecret("trace-77")).isFalse();
  }

  @Test
  void aDefaultWrittenInTheConfigIsNoSecretButAValueFromTheEnvironmentIs() {
    SecretCollector collector = new SecretCollector();
    Interpolator interpolator =
        new Interpolator(Map.of("STAGING_TOKEN", "from-the-environment"), collector);
    Location at = Location.ofFile("stagewatch.yaml");
    Problems problems = new Problems();

    Interpolated fromDefault =
        interpolator.interpolate("Bearer ${OTHER_TOKEN:-none-at-all}", at, "h", problems);
    Interpolated fromEnvironment =
        interpolator.interpolate("Bearer ${STAGING_TOKEN}", at, "h", problems);
    collector.header("headers.Authorization", "Authorization", fromDefault);
    collector.header("headers.X-Api-Key", "X-Api-Key", fromEnvironment);
    Secrets secrets = collector.freeze();

    assertThat(secrets.mask("Bearer none-at-all")).isEqualTo("Bearer none-at-all");
    assertThat(secrets.mask("Bearer from-the-environment")).isEqualTo("***");
    assertThat(fromEnvironment.shown()).isEqualTo("Bearer ***");
  }

  @Test
  void aBasicCredentialIsMaskedEncodedAndDecoded() {
    SecretCollector collector = new SecretCollector();
    collector.addHeader("Authorization", "Basic " + base64("deploy:hunter2-long"));
    Secrets secrets = collector.freeze();

    assertThat(secrets.mask("you are deploy:hunter2-long")).isEqualTo("you are ***");
    assertThat(secrets.mask("password hunter2-long refused")).isEqualTo("password *** refused");
    assertThat(secrets.mask("user deploy")).isEqualTo("user deploy");
  }

  @Test
  void aWebhookUrlIsSecretWholeAndByItsPath() {
    SecretCollector collector = new SecretCollector();
    collector.webhookUrl(
        "notify.slack.webhookUrl",
        Interpolated.literal("http://127.0.0.1:9/services/T0/B0/hooksecret"));
    Secrets secrets = collector.freeze();

    assertThat(secrets.mask("no_service: /services/T0/B0/hooksecret"))
        .isEqualTo("no_service: /***");
    assertThat(secrets.mask("{\"path\":\"\\/services\\/T0\\/B0\\/hooksecret\"}"))
        .isEqualTo("{\"path\":\"\\/***\"}");
    assertThat(secrets.mask("hook hooksecret gone")).isEqualTo("hook *** gone");
  }

  @Test
  void anyServicesWebhookUrlIsSecretWholeAndByItsTokensButNotByItsRoute() {
    SecretCollector collector = new SecretCollector();
    String discord = "https://discord.test/api/webhooks/1234/AbCdEfGhIjKlMnOpQrStUvWxYz0123";
    collector.endpointUrl("notify.channels[0].webhook.url", Interpolated.literal(discord));
    collector.endpointUrl(
        "notify.channels[1].webhook.url",
        Interpolated.literal("https://flows.test/hooks/stagewatch?api-version=1&sig=SiGnAtUrE99"));
    Secrets secrets = collector.freeze();

    assertThat(secrets.mask("posting to " + discord)).isEqualTo("posting to ***");
    assertThat(secrets.mask("unknown token AbCdEfGhIjKlMnOpQrStUvWxYz0123"))
        .isEqualTo("unknown token ***");
    assertThat(secrets.mask("bad signature SiGnAtUrE99")).isEqualTo("bad signature ***");
    assertThat(secrets.mask("stagewatch: /hooks/stagewatch answered 500"))
        .isEqualTo("stagewatch: /hooks/stagewatch answered 500");
  }
}
