package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.config.JsonSchemas.SchemaError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas judge documents as the loaders do: a table of small configs and suites, each accepted
 * by both or rejected by both, a rejected one for the reason its label gives (the loader names the
 * key, the schema points at it or at the map that holds it).
 */
class SchemaCasesTest {
  private static final Pattern LABEL =
      Pattern.compile("# (accepted|rejected at (.*?)): (.+)", Pattern.DOTALL);

  @TempDir Path project;

  /** One document of a case file. */
  record Case(String file, int line, String why, boolean accepted, String key, String yaml) {
    @Override
    public String toString() {
      return file + ":" + line + " " + (accepted ? "accepted" : "rejected") + ": " + why;
    }
  }

  static Stream<Case> configCases() {
    return cases("config-cases.yaml");
  }

  static Stream<Case> suiteCases() {
    return cases("suite-cases.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configCases")
  void theConfigSchemaJudgesAsTheConfigLoader(Case c) throws IOException {
    assertSameVerdict(
        c, Loaders.config(project, c.yaml()), JsonSchemas.errors(JsonSchemas.CONFIG, c.yaml()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suiteCases")
  void theSuiteSchemaJudgesAsTheSuiteLoader(Case c) {
    assertSameVerdict(c, Loaders.suite(c.yaml()), JsonSchemas.errors(JsonSchemas.SUITE, c.yaml()));
  }

  private static void assertSameVerdict(
      Case c, List<ConfigProblem> loader, List<SchemaError> schema) {
    if (c.accepted()) {
      assertThat(loader).as("the loader's problems").isEmpty();
      assertThat(schema).as("the schema's errors").isEmpty();
      return;
    }
    assertThat(loader)
        .as("the loader rejects it at " + c.key())
        .extracting(ConfigProblem::key)
        .contains(c.key());
    assertThat(schema)
        .as("the schema rejects it at %s or at the map holding it", c.key())
        .anySatisfy(e -> assertThat(isAtOrAbove(e.location(), c.key())).isTrue());
  }

  /** Whether a schema error's location is the key itself or a map or list that holds it. */
  static boolean isAtOrAbove(String location, String key) {
    if (location.equals(key)) {
      return true;
    }
    if (location.isEmpty()) {
      return !key.contains(".") && !key.contains("[");
    }
    return key.startsWith(location + ".") || key.startsWith(location + "[");
  }

  private static Stream<Case> cases(String file) {
    String text = resource("/config-schemas/" + file);
    List<Case> cases = new ArrayList<>();
    int line = 1;
    for (String chunk : text.split("\n---\n", -1)) {
      String first = chunk.lines().findFirst().orElse("");
      Matcher m = LABEL.matcher(first);
      if (m.matches()) {
        String key = m.group(2) == null || m.group(2).equals("the root") ? "" : m.group(2);
        cases.add(new Case(file, line, m.group(3), m.group(2) == null, key, chunk + "\n"));
      }
      line += chunk.split("\n", -1).length + 1;
    }
    assertThat(cases).as("cases in " + file).hasSizeGreaterThan(10);
    return cases.stream();
  }

  static String resource(String name) {
    try (InputStream in = SchemaCasesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
