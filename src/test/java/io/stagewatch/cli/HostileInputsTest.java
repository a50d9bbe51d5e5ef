package io.stagewatch.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.config.YamlFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Config and suite files that no real project has and a careless or hostile one might: each is
 * refused by {@code validate}, {@code list} and {@code run} alike, before anything runs, with the
 * file, line and column, in one line of plain text.
 */
class HostileInputsTest {
  private static final String SUITE = "suites/health.yaml";
  private static final String CONFIG = "config/stagewatch.yaml";

  @TempDir Path dir;
  CliRun cli;

  @BeforeEach
  void project() throws IOException {
    cli =
        new CliRun(dir)
            .config(
                """
                environments:
                  staging: {baseUrl: "http://127.0.0.1:9"}
                """)
            .suite("health.yaml", CliRun.ONE_HEALTH_CHECK);
  }

  static Stream<Arguments> hostileFiles() {
    return Stream.of(
        suite(
            "a line feed in a check name",
            """
            name: health
            checks:
              - name: "up\\nPASS   health/forged"
                http: {path: /health}
            """,
            "health.yaml:3:11: checks[0].name: must be one line of text: U+000A (line feed) at"
                + " character 3 is not allowed"),
        suite(
            "a carriage return in a check name",
            """
            name: health
            checks:
              - name: "up\\rdown"
                http: {path: /health}
            """,
            "health.yaml:3:11: checks[0].name: must be one line of text: U+000D (carriage return)"
                + " at character 3 is not allowed"),
        suite(
            "a NUL in a check name",
            """
            name: health
            checks:
              - name: "up\\0"
                http: {path: /health}
            """,
            "health.yaml:3:11: checks[0].name: must be one line of text: U+0000 (NUL) at character 3"
                + " is not allowed"),
        suite(
            "an escape sequence in a suite name",
            """
            name: "health\\e[2J"
            checks:
              - name: up
                http: {path: /health}
            """,
            "health.yaml:1:7: name: must be one line of text: U+001B (escape) at character 7 is not"
                + " allowed"),
        suite(
            "a bell in a suite tag",
            """
            name: health
            tags: [smoke, "smo\\ake"]
            checks:
              - name: up
                http: {path: /health}
            """,
            "health.yaml:2:15: tags[1]: must be one line of text: U+0007 at character 4 is not"
                + " allowed"),
        suite(
            "a line separator in a check tag",
            """
            name: health
            checks:
              - name: up
                tags: ["a\\Lb"]
                http: {path: /health}
            """,
            "health.yaml:4:12: checks[0].tags[0]: must be one line of text: U+2028 at character 2 is"
                + " not allowed"),
        suite(
            "an alias where a check name is expected",
            """
            name: &suite health
            checks:
              - name: *suite
                http: {path: /health}
            """,
            "health.yaml:3:11: found *suite: YAML anchors and aliases are not supported; write the"
                + " value out"),
        suite(
            "an alias of no anchor",
            """
            name: *nowhere
            checks:
              - name: up
                http: {path: /health}
            """,
            "health.yaml:1:7: found *nowhere: YAML anchors and aliases are not supported"),
        suite("an alias bomb in an ignored key", aliasBomb(), "more anchors and aliases from here"),
        suite(
            "lists nested 150 deep",
            "name: health\ndescription: " + "[".repeat(150) + "]".repeat(150) + "\n",
            "health.yaml:2:113: maps and lists nested more than 100 deep"),
        suite(
            "a second document",
            CliRun.ONE_HEALTH_CHECK + "---\nname: hidden\nchecks: []\n",
            "health.yaml:7:1: a second YAML document: a file holds one"),
        file(
            "a NUL byte in a suite",
            SUITE,
            bytes(
                "name: health\nchecks:\n  - name: up\n    http: {path: \"/hea",
                new byte[] {0},
                "lth\"}\n"),
            "health.yaml:4:23: a NUL byte (U+0000) is not allowed in YAML text"),
        file(
            "a suite in Latin-1",
            SUITE,
            bytes("name: health\nchecks:\n  - name: caf", new byte[] {(byte) 0xE9}, "\n"),
            "health.yaml:3:14: not UTF-8 text (byte 0xE9); save the file as UTF-8"),
        file(
            "a suite over the size limit",
            SUITE,
            oversized("name: health\n"),
            "health.yaml: 1048577 bytes, more than the 1 MiB a suite file may hold"),
        file(
            "a config over the size limit",
            CONFIG,
            oversized("environments:\n  staging: {baseUrl: \"http://127.0.0.1:9\"}\n"),
            "stagewatch.yaml: 1048577 bytes, more than the 1 MiB a config file may hold"),
        file(
            "a config with a byte that is not UTF-8",
            CONFIG,
            bytes("environments:\n  st", new byte[] {(byte) 0xFF}, "aging: {baseUrl: x}\n"),
            "stagewatch.yaml:2:5: not UTF-8 text (byte 0xFF); save the file as UTF-8"),
        file(
            "an alias in the config",
            CONFIG,
            """
            environments:
              staging: &staging {baseUrl: "http://127.0.0.1:9"}
              production: *staging
            """
                .getBytes(UTF_8),
            "stagewatch.yaml:3:15: found *staging: YAML anchors and aliases are not supported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void isRefusedByValidateListAndRunWithItsPlace(
      String what, String file, byte[] content, String expected) throws IOException {
    Files.write(dir.resolve(file), content);
    String config = dir.resolve(CONFIG).toString();

    for (List<String> command :
        List.of(
            List.of("validate", "-c", config),
            List.of("list", "-c", config),
            List.of("run", "-c", config, "--report-dir", cli.reportDir().toString()))) {
      assertThat(cli.run(command.toArray(String[]::new))).as(cli.err).isEqualTo(ExitCodes.USAGE);
      assertThat(cli.err).as(command.get(0)).contains(expected);
      assertThat(cli.err.chars().filter(c -> c < 0x20 && c != '\n'))
          .as("no control character reaches the terminal")
          .isEmpty();
    }
    assertThat(cli.reportDir()).as("nothing ran").doesNotExist();
    assertThat(dir.resolve(".stagewatch")).as("nothing was recorded").doesNotExist();
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItsContentIsRead() throws IOException {
    // Past the limit the file holds a NUL byte and broken YAML: neither may be reported.
    byte[] content = oversized("name: health\nchecks: [\u0000");
    Files.write(dir.resolve(SUITE), content);

    assertThat(cli.run("validate", "-c", dir.resolve(CONFIG).toString()))
        .isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err)
        .contains("health.yaml: " + content.length + " bytes, more than the 1 MiB")
        .doesNotContain("U+0000")
        .doesNotContain("not valid YAML");
  }

  @Test
  void aTabInANameAndAFileOfExactlyTheLimitAreFine() throws IOException {
    String suite =
        """
        name: "health\\tchecks"
        checks:
          - name: "up\\there"
            http: {path: /health}
        """;
    Files.write(dir.resolve(SUITE), padded(suite, YamlFile.MAX_BYTES));

    assertThat(cli.run("list", "-c", dir.resolve(CONFIG).toString())).as(cli.err).isZero();

    assertThat(cli.out).contains("up\there");
  }

  private static Arguments suite(String what, String yaml, String expected) {
    return file(what, SUITE, yaml.getBytes(UTF_8), expected);
  }

  private static Arguments file(String what, String file, byte[] content, String expected) {
    return Arguments.of(what, file, content, expected);
  }

  /** The billion laughs: nine lists of nine aliases each, which a tree-building parser expands. */
  private static String aliasBomb() {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: health
            checks: [{name: up, http: {path: /health}}]
            description:
              a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
            """);
    for (int level = 1; level < 9; level++) {
      String alias = "*a" + (level - 1);
      yaml.append("  a").append(level).append(": &a").append(level).append(" [");
      yaml.append(String.join(", ", Collections.nCopies(9, alias))).append("]\n");
    }
    return yaml.toString();
  }

  /** {@code start} then a comment that takes the file one byte past the limit. */
  private static byte[] oversized(String start) {
    return padded(start, YamlFile.MAX_BYTES + 1);
  }

  /** {@code yaml} (ASCII) followed by comment lines that bring it to {@code size} bytes. */
  private static byte[] padded(String yaml, int size) {
    StringBuilder text = new StringBuilder(yaml);
    String line = "#" + "x".repeat(78) + "\n";
    while (text.length() + line.length() <= size) {
      text.append(line);
    }
    int rest = size - text.length();
    if (rest > 0) {
      text.append(rest == 1 ? "\n" : "#" + "x".repeat(rest - 2) + "\n");
    }
    return text.toString().getBytes(UTF_8);
  }

  private static byte[] bytes(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(UTF_8));
    return out.toByteArray();
  }
}
