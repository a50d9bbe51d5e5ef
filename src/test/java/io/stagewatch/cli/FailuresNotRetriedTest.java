package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.check.sql.EmbeddedDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagewatch run} against failures that no retry can change: a wrong password, a database
 * the server does not have, a write in a read-only check, a certificate that does not verify and a
 * request that cannot be built. Each ends after its first attempt, even with retries and reruns
 * configured, while a server error beside them is retried as before.
 */
class FailuresNotRetriedTest {
  @RegisterExtension static final EmbeddedDatabase db = EmbeddedDatabase.perTestClass();

  @RegisterExtension
  static final WireMockExtension staging =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
          .build();

  static final String WRONG_PASSWORD = "wr0ng-Pa55-3317";

  @TempDir Path dir;
  CliRun cli;

  @BeforeEach
  void project() throws Exception {
    cli =
        new CliRun(dir)
            .config(
                """
                defaultEnvironment: staging
                environments:
                  staging:
                    baseUrl: ${STAGING_URL}
                    databases:
                      main:
                        url: jdbc:postgresql://localhost:${DB_PORT}/postgres
                        user: app
                        password: ${STAGING_DB_PASSWORD}
                      stale:
                        url: jdbc:postgresql://localhost:${DB_PORT}/postgres
                        user: app
                        password: ${OLD_DB_PASSWORD}
                      gone:
                        url: jdbc:postgresql://localhost:${DB_PORT}/reports
                        user: app
                        password: ${STAGING_DB_PASSWORD}
                  virtual:
                    baseUrl: ${STAGING_URL}
                    headers: {Host: shop.example.com}
                defaults:
                  timeout: 3s
                  retry: {attempts: 3, delay: 50ms}
                  rerunFailures: 1
                """)
            // Plain HTTP: with HTTPS on, WireMock's baseUrl() is the HTTPS one.
            .env("STAGING_URL", "http://localhost:" + staging.getPort())
            .env("DB_PORT", Integer.toString(db.port()))
            .env("STAGING_DB_PASSWORD", EmbeddedDatabase.PASSWORD)
            .env("OLD_DB_PASSWORD", WRONG_PASSWORD);
  }

  @Test
  void databaseFailuresThatNoRetryCanChangeEndAfterOneAttempt() throws Exception {
    cli.suite(
        "db.yaml",
        """
        name: db
        tags: [db]
        checks:
          - name: wrong password
            sql: {database: stale}
          - name: unknown database
            sql: {database: gone}
          - name: write
            sql: {database: main, query: "delete from widgets"}
          - name: reachable
            sql: {database: main}
        """);

    int exit = cli.runChecks("-t", "db");

    assertThat(exit).as(cli.out + cli.err).isEqualTo(ExitCodes.FAILED);
    Map<String, JsonNode> checks = checksByName(cli.report("result.json"));
    assertOneAttempt(checks.get("wrong password"))
        .startsWith("authentication failed for database stale: ")
        .contains("(SQLSTATE 28P01)")
        .endsWith("(not retried)");
    assertOneAttempt(checks.get("unknown database"))
        .startsWith(
            "unknown database at localhost:"
                + db.port()
                + "/reports: database \"reports\" does not exist")
        .contains("(SQLSTATE 3D000)")
        .endsWith("(not retried)");
    assertOneAttempt(checks.get("write"))
        .startsWith("the check is read-only: cannot execute DELETE in a read-only transaction")
        .contains("(SQLSTATE 25006)");
    assertThat(checks.get("reachable").get("status").asText()).isEqualTo("PASSED");
    assertThat(cli.out + cli.err + cli.report("result.json")).doesNotContain(WRONG_PASSWORD);
  }

  @Test
  void anUntrustedCertificateEndsAfterOneAttemptWhileAServerErrorIsRetried() throws Exception {
    staging.stubFor(get("/busy").willReturn(aResponse().withStatus(503)));
    cli.env("TLS_URL", "https://localhost:" + staging.getHttpsPort() + "/health")
        .suite(
            "web.yaml",
            """
            name: web
            tags: [web]
            checks:
              - name: self-signed
                # Setting up TLS takes a cold JVM a while; the attempt must not time out first.
                timeout: 20s
                http: {url: "${TLS_URL}"}
              - name: busy
                http: {path: /busy}
            """);

    int exit = cli.runChecks("-t", "web");

    assertThat(exit).as(cli.out + cli.err).isEqualTo(ExitCodes.FAILED);
    Map<String, JsonNode> checks = checksByName(cli.report("result.json"));
    assertOneAttempt(checks.get("self-signed"))
        .startsWith("TLS handshake failed: certificate not trusted (")
        .endsWith("(not retried)");
    JsonNode busy = checks.get("busy");
    assertThat(busy.get("status").asText()).as(busy.toString()).isEqualTo("FAILED");
    assertThat(busy.get("attempts").asInt())
        .as("3 attempts, then 3 more in the rerun")
        .isEqualTo(6);
    assertThat(staging.findAll(anyRequestedFor(urlEqualTo("/busy")))).hasSize(6);
  }

  @Test
  void aRequestThatCannotBeBuiltEndsAfterOneAttempt() throws Exception {
    cli.suite(
        "web.yaml",
        """
        name: web
        tags: [web]
        checks:
          - name: home
            http: {path: /}
        """);

    int exit = cli.runChecks("-t", "web", "-e", "virtual");

    assertThat(exit).as(cli.out + cli.err).isEqualTo(ExitCodes.FAILED);
    assertOneAttempt(checksByName(cli.report("result.json")).get("home"))
        .isEqualTo(
            "the request could not be built: header Host cannot be sent: the HTTP client sets it"
                + " itself (a restricted header) (not retried)");
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertOneAttempt(JsonNode check) {
    assertThat(check).isNotNull();
    assertThat(check.get("status").asText()).as(check.toString()).isEqualTo("ERROR");
    assertThat(check.get("attempts").asInt()).as(check.toString()).isEqualTo(1);
    return assertThat(check.get("message").asText());
  }

  private static Map<String, JsonNode> checksByName(String json) throws Exception {
    Map<String, JsonNode> byName = new HashMap<>();
    new ObjectMapper()
        .readTree(json)
        .get("checks")
        .forEach(c -> byName.put(c.get("name").asText(), c));
    return byName;
  }
}
