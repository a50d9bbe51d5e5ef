package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.stagewatch.config.JsonSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code init [DIR]} writes a project that validates and runs, and never overwrites a file. */
class InitCommandTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Pattern EDITOR_LINE =
      Pattern.compile("# yaml-language-server: \\$schema=(\\S+)");

  @TempDir Path dir;

  private CliRun cli() {
    return new CliRun(dir);
  }

  @Test
  void theProjectItWritesValidatesAndRunsExactlyTheHealthChecks() throws Exception {
    Path project = dir.resolve("shop-api");
    CliRun cli = cli();

    assertThat(cli.run("init", project.toString())).as(cli.err).isEqualTo(ExitCodes.PASSED);

    String config = project.resolve("config/stagewatch.yaml").toString();
    assertThat(cli.out)
        .contains("config/stagewatch.yaml", "suites/health.yaml", "suites/database.yaml")
        .contains("STAGING_URL=https://... stagewatch validate -c " + config + "\n")
        .contains("STAGING_URL=https://... stagewatch run -c " + config + "\n");
    assertThat(project.resolve(".gitignore")).hasContent(".stagewatch/");
    assertThat(Files.readString(project.resolve("config/stagewatch.yaml")))
        .contains("project: shop-api")
        .contains("baseUrl: ${STAGING_URL}")
        .contains("name: smoke");

    cli.env("STAGING_URL", staging.baseUrl());
    assertThat(cli.run("validate", "-c", config)).as(cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(cli.out).contains("1 suite with 5 checks: staging-health");

    serveHealthyStaging();
    Path reports = dir.resolve("reports");
    assertThat(cli.run("run", "-c", config, "--report-dir", reports.toString()))
        .as(cli.out + cli.err)
        .isEqualTo(ExitCodes.PASSED);
    assertThat(checkIds(reports))
        .containsExactly(
            "staging-health/health endpoint",
            "staging-health/liveness probe",
            "staging-health/api health",
            "staging-health/home page",
            "staging-health/api docs");
    assertThat(project.resolve(".stagewatch/stagewatch.db")).as("the store is ignored").exists();
  }

  @Test
  void itsYamlFilesNameTheSchemasItWritesBesideThemAndMatchThem() throws Exception {
    CliRun cli = cli();

    assertThat(cli.run("init", dir.toString())).as(cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(cli.out)
        .contains("schemas/stagewatch-config.schema.json", "schemas/stagewatch-suite.schema.json");
    for (String file :
        List.of("config/stagewatch.yaml", "suites/health.yaml", "suites/database.yaml")) {
      String text = Files.readString(dir.resolve(file));
      Matcher line = EDITOR_LINE.matcher(text.lines().findFirst().orElse(""));
      assertThat(line.matches()).as("the first line of " + file).isTrue();
      Path schema = dir.resolve(file).resolveSibling(line.group(1)).normalize();
      assertThat(schema).as("the schema " + file + " names").isRegularFile();
      assertThat(JsonSchemas.errors(schema, text)).as(file).isEmpty();
    }
    assertThat(dir.resolve("schemas/stagewatch-suite.schema.json"))
        .hasSameTextualContentAs(Path.of("schemas/stagewatch-suite.schema.json"));
  }

  @Test
  void existingFilesAreNamedAndNothingIsWritten() throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.createDirectories(dir.resolve("suites"));
    Files.writeString(dir.resolve("config/stagewatch.yaml"), "mine\n");
    Files.writeString(dir.resolve("suites/database.yaml"), "mine too\n");
    CliRun cli = cli();

    assertThat(cli.run("init", dir.toString())).isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err)
        .contains("config/stagewatch.yaml")
        .contains("suites/database.yaml")
        .doesNotContain("health.yaml")
        .contains("Nothing was written");
    assertThat(dir.resolve("config/stagewatch.yaml")).hasContent("mine");
    assertThat(dir.resolve("suites/health.yaml")).doesNotExist();
    assertThat(dir.resolve(".gitignore")).doesNotExist();
  }

  @Test
  void aGitignoreGetsTheStoreLineOnceKeepingItsOwnLines() throws Exception {
    Files.writeString(dir.resolve(".gitignore"), "target/\n*.log");
    CliRun cli = cli();

    assertThat(cli.run("init", dir.toString())).as(cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(dir.resolve(".gitignore")).hasContent("target/\n*.log\n.stagewatch/\n");

    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve(".gitignore"), "/.stagewatch\n");
    assertThat(cli.run("init", other.toString())).as(cli.err).isEqualTo(ExitCodes.PASSED);
    assertThat(other.resolve(".gitignore")).hasContent("/.stagewatch\n");
    assertThat(cli.out).contains("already ignores .stagewatch/");
  }

  @Test
  void aFileWhereTheFolderShouldBeIsAUsageError() throws Exception {
    Path file = Files.writeString(dir.resolve("project"), "");
    CliRun cli = cli();

    assertThat(cli.run("init", file.toString())).isEqualTo(ExitCodes.USAGE);

    assertThat(cli.err).contains(file + " is not a folder");
  }

  @Test
  void helpSaysWhatIsWrittenAndWhatToRunNext() {
    CliRun cli = cli();

    assertThat(cli.run("init", "--help")).isEqualTo(ExitCodes.PASSED);

    assertThat(cli.out)
        .contains("Usage: stagewatch init")
        .contains("[DIR]")
        .contains("config/stagewatch.yaml", "suites/health.yaml", "suites/database.yaml")
        .contains(".gitignore")
        .contains("nothing is written and the exit code is 2")
        .contains("stagewatch validate -c DIR/config/stagewatch.yaml")
        .contains("stagewatch run -c DIR/config/stagewatch.yaml");
  }

  private static void serveHealthyStaging() {
    staging.stubFor(get("/health").willReturn(okJson("{\"status\":\"UP\"}")));
    staging.stubFor(get("/healthz").willReturn(ok()));
    staging.stubFor(get("/api/health").willReturn(okJson("{\"status\":\"UP\"}")));
    staging.stubFor(
        get("/")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html").withBody("<h1>shop</h1>")));
    staging.stubFor(get("/openapi.json").willReturn(okJson("{\"openapi\":\"3.1.0\"}")));
  }

  private static List<String> checkIds(Path reports) throws IOException {
    List<String> ids = new ArrayList<>();
    JsonNode result = new ObjectMapper().readTree(reports.resolve("result.json").toFile());
    result.get("checks").forEach(check -> ids.add(check.get("id").asText()));
    return ids;
  }
}
