package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.FreePort;
import io.stagewatch.check.dns.DnsResponder;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;

/** {@code stagewatch run} with dns checks against a real DNS responder on loopback. */
class DnsCheckRunTest {
  @TempDir Path dir;
  CliRun cli;
  DnsResponder dns;

  @BeforeEach
  void project() throws Exception {
    Name api = Name.fromString("api.staging.test.");
    Name zone = Name.fromString("staging.test.");
    dns =
        DnsResponder.answering(
            new ARecord(api, DClass.IN, 60, InetAddress.getByName("10.0.0.11")),
            new ARecord(api, DClass.IN, 60, InetAddress.getByName("10.0.0.12")),
            new MXRecord(zone, DClass.IN, 60, 10, Name.fromString("mail.staging.test.")));
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging:
                    baseUrl: http://127.0.0.1:9
                defaults:
                  timeout: 2s
                  retry: {attempts: 1}
                """)
            .env("DNS_SERVER", dns.address());
  }

  @AfterEach
  void stop() {
    dns.close();
  }

  private ResultChecks run(int expectedExit, String checks) throws Exception {
    cli.suite("names.yaml", "name: names\ntags: [dns]\nchecks:\n" + checks);
    assertThat(cli.runChecks("--no-store")).as(cli.out + cli.err).isEqualTo(expectedExit);
    return new ResultChecks(cli.report("result.json"));
  }

  @Test
  void theAddressesAndTheMailServerAreFound() throws Exception {
    ResultChecks checks =
        run(
            0,
            """
              - name: api
                dns: {name: api.staging.test, type: A, server: "${DNS_SERVER}"}
                expect: {values: [10.0.0.12, 10.0.0.11]}
              - name: mail
                dns: {name: staging.test., type: mx, server: "${DNS_SERVER}"}
                expect: {contains: mail.staging.test}
            """);

    assertThat(checks.status("api")).isEqualTo("PASSED");
    assertThat(checks.message("api")).isEqualTo("A api.staging.test: [10.0.0.11, 10.0.0.12]");
    assertThat(checks.status("mail")).isEqualTo("PASSED");
    assertThat(checks.message("mail")).isEqualTo("MX staging.test: [10 mail.staging.test]");
  }

  @Test
  void otherValuesAMissingNameAndASilentServerFailClearly() throws Exception {
    int closed = FreePort.pick();
    try (DnsResponder silent = DnsResponder.silent()) {
      ResultChecks checks =
          run(
              1,
              """
                - name: moved
                  dns: {name: api.staging.test, server: "${DNS_SERVER}"}
                  expect: {values: [10.0.0.11]}
                - name: gone
                  dns: {name: old.staging.test, server: "${DNS_SERVER}"}
                - name: silent
                  timeout: 500ms
                  dns: {name: api.staging.test, server: "%s"}
                - name: no server
                  dns: {name: api.staging.test, server: "127.0.0.1:%d"}
              """
                  .formatted(silent.address(), closed));

      assertThat(checks.status("moved")).isEqualTo("FAILED");
      assertThat(checks.message("moved"))
          .isEqualTo("A api.staging.test: expected [10.0.0.11], got [10.0.0.11, 10.0.0.12]");
      assertThat(checks.status("gone")).isEqualTo("FAILED");
      assertThat(checks.message("gone"))
          .isEqualTo("old.staging.test does not exist (NXDOMAIN from " + dns.address() + ")");
      assertThat(checks.status("silent")).isEqualTo("ERROR");
      assertThat(checks.message("silent"))
          .isEqualTo("no answer from " + silent.address() + " within 500ms (A api.staging.test)");
      assertThat(checks.status("no server")).isEqualTo("ERROR");
      assertThat(checks.message("no server"))
          .isEqualTo(
              "no DNS server answers at 127.0.0.1:"
                  + closed
                  + " (port unreachable; A api.staging.test)");
    }
  }
}
