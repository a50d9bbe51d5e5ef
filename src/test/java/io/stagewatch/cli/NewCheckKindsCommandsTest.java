package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list} and {@code validate} know the tls, tcp and dns kinds and what is wrong with them.
 */
class NewCheckKindsCommandsTest {
  @TempDir Path dir;
  CliRun cli;

  @BeforeEach
  void project() throws Exception {
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: https://staging.example.com
                """);
  }

  @Test
  void listShowsEachCheckWithItsKind() throws Exception {
    cli.suite(
        "infra.yaml",
        """
        name: infra
        tags: [infra]
        checks:
          - name: certificate
            tls: {}
            expect: {validFor: 14d}
          - name: redis
            tcp: {host: "${REDIS_HOST:-redis}", port: 6379}
          - name: api resolves
            dns: {name: api.staging.example.com}
        """);

    assertThat(cli.run("list", "-c", cli.configFile().toString())).as(cli.err).isZero();

    assertThat(cli.out)
        .containsPattern("certificate +tls +infra")
        .containsPattern("redis +tcp +infra")
        .containsPattern("api resolves +dns +infra")
        .contains("3 checks");
  }

  @Test
  void validateNamesEveryProblemWithItsPlace() throws Exception {
    cli.suite(
        "infra.yaml",
        """
        name: infra
        checks:
          - name: certificate
            tls: {host: staging.example.com, caFile: certs/missing.pem}
          - name: redis
            tcp: {host: "redis://staging", port: 6379}
          - name: api resolves
            dns: {name: api.staging.example.com, type: SRV, server: "10.0.0.2:99999"}
            expect: {values: []}
        """);

    assertThat(cli.run("validate", "-c", cli.configFile().toString())).isEqualTo(2);

    Path suite = dir.resolve("suites/infra.yaml");
    assertThat(cli.err)
        .contains(
            suite
                + ":4:46: checks[0].tls.caFile: cannot read "
                + dir.resolve("suites/certs/missing.pem")
                + ": no such file")
        .contains(
            suite
                + ":6:17: checks[1].tcp.host: expected a host name or IP address (no scheme, path"
                + " or port), got 'redis://staging'")
        .contains(
            suite + ":8:48: checks[2].dns.type: expected one of A, AAAA, CNAME, MX, TXT, got 'SRV'")
        .contains(suite + ":8:61: checks[2].dns.server: expected a port from 1 to 65535, got 99999")
        .contains(suite + ":9:22: checks[2].expect.values: expected at least one value");
  }
}
