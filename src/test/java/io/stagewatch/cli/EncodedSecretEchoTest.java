package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.stagewatch.schedule.Daemon;
import io.stagewatch.schedule.SlotOutcome;
import io.stagewatch.schedule.StatusEndpoints;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A staging server that echoes the token back encoded (URL-encoded, JSON-escaped, base64, and
 * base64 inside a longer base64 text): no form of it may reach the console, a report, the store or
 * Slack.
 */
class EncodedSecretEchoTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /**
   * Has a character that each encoding changes: / for JSON and URLs, + = ~ ? for URLs, and one that
   * base64 and URL-safe base64 write differently.
   */
  static final String TOKEN = "t0k/en+s3cr3t=47~?";

  static final String ACCOUNT_SUITE =
      """
      name: account
      checks:
        - name: account
          http: {path: /account}
          expect: {status: 200}
      """;

  @TempDir Path dir;

  /** A form in which the server sends the token back, and the part of it that must not show. */
  record Echo(String name, String form, String secretPart) {
    static Echo whole(String name, String form) {
      return new Echo(name, form, form);
    }
  }

  static List<Echo> echoes() {
    byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
    return List.of(
        Echo.whole("raw", TOKEN),
        Echo.whole("url", URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)),
        Echo.whole("json", TOKEN.replace("/", "\\/")),
        Echo.whole("base64", Base64.getEncoder().encodeToString(token)),
        Echo.whole("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(token)),
        insideBase64("{\"user\":\"ci\",\"token\":\"", "\"}"));
  }

  /**
   * The token inside a longer base64 text: the characters that encode the token's bytes alone
   * (those that share bits with the text around it say nothing of the token).
   */
  static Echo insideBase64(String before, String after) {
    int start = before.getBytes(StandardCharsets.UTF_8).length;
    int end = start + TOKEN.getBytes(StandardCharsets.UTF_8).length;
    String encoded =
        Base64.getEncoder()
            .encodeToString((before + TOKEN + after).getBytes(StandardCharsets.UTF_8));
    int first = (start * 8 + 5) / 6;
    int last = end * 8 / 6;
    return new Echo("base64 inside", encoded, encoded.substring(first, last));
  }

  /** A 401 whose JSON body holds every echoed form (the JSON-escaped one as a JSON text would). */
  static String echoBody() {
    StringBuilder body = new StringBuilder("{\"error\":\"expected a valid token\"");
    for (Echo echo : echoes()) {
      body.append(",\"").append(echo.name()).append("\":\"").append(echo.form()).append('"');
    }
    return body.append('}').toString();
  }

  @BeforeEach
  void stubs() {
    staging.stubFor(
        get("/account")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(echoBody())));
    SlackWebhook.answers(slack, 200, "ok");
  }

  /** A config whose environment sends the token, with its store and what else a test needs. */
  static String config(String storeUrl, String rest) {
    return """
        project: shop
        environments:
          staging:
            baseUrl: ${STAGING_URL}
            headers:
              Authorization: Bearer ${STAGING_TOKEN}
        defaults:
          retry: {attempts: 1}
        store:
          url: "%s"
        """
            .formatted(storeUrl)
        + rest;
  }

  CliRun project() throws IOException {
    return new CliRun(dir)
        .config(
            config(
                "jdbc:sqlite:" + dir.resolve("store/stagewatch.db"),
                """
                notify:
                  slack:
                    webhookUrl: ${SLACK_WEBHOOK_URL}
                """))
        .suite("account.yaml", ACCOUNT_SUITE)
        .env("STAGING_URL", staging.baseUrl())
        .env("STAGING_TOKEN", TOKEN)
        .env("SLACK_WEBHOOK_URL", SlackWebhook.url(slack));
  }

  @Test
  void noEncodedFormOfAnEchoedTokenReachesAnyOutput() throws Exception {
    CliRun cli = project();

    assertThat(cli.runChecks("-s", "account")).as(cli.err).isEqualTo(ExitCodes.FAILED);

    List<String> outputs = new ArrayList<>();
    outputs.add("console: " + cli.out + cli.err);
    for (String report :
        List.of("junit.xml", "result.json", "summary.md", "report.html", "metrics.prom")) {
      outputs.add(report + ": " + cli.report(report));
    }
    for (LoggedRequest post : SlackWebhook.posts(slack)) {
      outputs.add("slack: " + post.getBodyAsString());
    }
    outputs.add("store: " + storeFiles());
    assertThat(SlackWebhook.posts(slack)).as("the alert went out").hasSize(1);
    assertThat(cli.report("result.json"))
        .as("the message is kept, masked")
        .contains("\\\"url\\\":\\\"***\\\"");
    assertEveryFormMasked(outputs);
  }

  @Test
  void theDaemonsPagesShowTheFailureWithEveryFormMasked() throws Exception {
    DaemonProject project = new DaemonProject(dir, staging.baseUrl());
    project
        .cli
        .config(
            config(
                project.sqlite(),
                """
                schedules:
                  - suites: [account]
                    every: 1s
                """))
        .suite("account.yaml", ACCOUNT_SUITE)
        .env("STAGING_TOKEN", TOKEN);
    Daemon daemon =
        project.daemon(project.workspace(), DaemonProject.silent(), Duration.ofSeconds(5));
    List<String> outputs = new ArrayList<>();
    try (StatusEndpoints endpoints = project.endpoints(project.workspace(), daemon)) {
      daemon.start();
      try {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> DaemonProject.outcomes(daemon, SlotOutcome.FAILED) >= 1);
      } finally {
        daemon.stop(Duration.ofSeconds(5));
      }
      for (String page : List.of("/", "/api/status", "/metrics")) {
        outputs.add(page + ": " + DaemonEndpointsTest.fetch(endpoints, page));
      }
    }
    assertThat(outputs.get(1)).as("the page shows the failure").contains("expected a valid token");
    assertEveryFormMasked(outputs);
  }

  /** Every byte of the store's files, so that no table is left unread. */
  String storeFiles() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir.resolve("store"))) {
      for (Path file : files.toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(all).as("the store holds the failure").contains("expected a valid token");
    return all.toString();
  }

  static void assertEveryFormMasked(List<String> outputs) {
    for (String output : outputs) {
      String where = output.substring(0, output.indexOf(':'));
      for (Echo echo : echoes()) {
        String part = echo.secretPart();
        assertThat(output)
            .as("%s form in %s", echo.name(), where)
            .doesNotContain(part)
            .doesNotContain(part.substring(3, part.length() - 3));
      }
    }
  }
}
