package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewatch.app.ProjectTemplate;
import io.stagewatch.config.JsonSchemas.SchemaError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schemas are the reference of the formats: valid JSON Schema 2020-12 with every key described,
 * named on the first line of every YAML file the project ships (so that editors find them), and
 * matched by those files and by every config and suite in the README, which mentions every key.
 */
class SchemasTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path INIT = ROOT.resolve("src/main/resources/io/stagewatch/app/init");
  private static final Pattern EDITOR_LINE =
      Pattern.compile("# yaml-language-server: \\$schema=(\\S+)");
  private static final Pattern YAML_BLOCK = Pattern.compile("(?ms)^```yaml\\n(.*?)^```$");

  /**
   * A shipped YAML file and where it lands: {@code project} is the folder its relative paths start
   * from; null for the templates of {@code init}, which land in the project init writes.
   */
  record Shipped(String file, Path project) {
    @Override
    public String toString() {
      return file;
    }
  }

  /** What a ```yaml block of the README is, told by its top-level keys. */
  enum ReadmeBlock {
    CONFIG,
    CONFIG_PART,
    SUITE,
    GITHUB_WORKFLOW,
    KUBERNETES_MANIFEST,
    PROMETHEUS_RULES,
    UNKNOWN
  }

  static Stream<Shipped> shippedFiles() throws IOException {
    List<Shipped> files = new ArrayList<>();
    files.add(new Shipped("config/stagewatch.yaml", ROOT));
    try (Stream<Path> suites = Files.list(ROOT.resolve("suites"))) {
      suites
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .forEach(f -> files.add(new Shipped("suites/" + f.getFileName(), ROOT)));
    }
    try (Stream<Path> templates = Files.walk(INIT)) {
      templates
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .forEach(f -> files.add(new Shipped(unix(INIT.relativize(f)), null)));
    }
    assertThat(files).hasSizeGreaterThan(3);
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedFiles")
  void aShippedFileNamesItsSchemaOnItsFirstLineAndMatchesIt(Shipped shipped) throws IOException {
    Path file = (shipped.project() == null ? INIT : ROOT).resolve(shipped.file());
    String text = Files.readString(file);
    String schema = schemaOf(JsonSchemas.read(text));

    Matcher line = EDITOR_LINE.matcher(text.lines().findFirst().orElse(""));
    assertThat(line.matches()).as("the first line of " + shipped.file()).isTrue();
    String target = unix(Path.of(shipped.file()).resolveSibling(line.group(1)).normalize());
    assertThat(target).isEqualTo("schemas/" + schema);
    if (shipped.project() == null) {
      assertThat(ProjectTemplate.FILES).as("what init writes").contains(target);
    } else {
      assertThat(shipped.project().resolve(target)).exists();
    }
    assertThat(JsonSchemas.errors(schema, text)).isEmpty();
  }

  @Test
  void everyConfigAndSuiteInTheReadmeMatchesItsSchema() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Set<String> configKeys = topLevelKeys(JsonSchemas.CONFIG);
    Map<ReadmeBlock, Integer> seen = new EnumMap<>(ReadmeBlock.class);
    List<String> problems = new ArrayList<>();
    Matcher block = YAML_BLOCK.matcher(readme);
    while (block.find()) {
      String where = "README.md:" + (readme.substring(0, block.start()).split("\n").length + 2);
      JsonNode document = JsonSchemas.read(block.group(1));
      ReadmeBlock kind = classify(document, configKeys);
      seen.merge(kind, 1, Integer::sum);
      for (SchemaError e : readmeErrors(kind, document)) {
        problems.add(where + ": " + e);
      }
      if (kind == ReadmeBlock.UNKNOWN) {
        problems.add(where + ": neither a config, a suite, nor a kind of file the test knows");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(seen).containsKeys(ReadmeBlock.CONFIG, ReadmeBlock.CONFIG_PART, ReadmeBlock.SUITE);
  }

  /**
   * A block with {@code checks} is a suite; one of config keys only is a config, or a part of one
   * when it has no {@code environments}; GitHub workflows, Kubernetes manifests and Prometheus
   * rules are not ours.
   */
  static ReadmeBlock classify(JsonNode document, Set<String> configKeys) {
    if (!document.isObject()) {
      return ReadmeBlock.UNKNOWN;
    }
    Set<String> keys = new TreeSet<>();
    document.fieldNames().forEachRemaining(keys::add);
    if (keys.contains("checks")) {
      return ReadmeBlock.SUITE;
    }
    if (keys.containsAll(List.of("on", "jobs"))) {
      return ReadmeBlock.GITHUB_WORKFLOW;
    }
    if (keys.containsAll(List.of("apiVersion", "kind"))) {
      return ReadmeBlock.KUBERNETES_MANIFEST;
    }
    if (keys.equals(Set.of("groups"))) {
      // Checked by promtool in AlertRulesTest.
      return ReadmeBlock.PROMETHEUS_RULES;
    }
    if (configKeys.containsAll(keys)) {
      return keys.contains("environments") ? ReadmeBlock.CONFIG : ReadmeBlock.CONFIG_PART;
    }
    return ReadmeBlock.UNKNOWN;
  }

  /** A part of a config is checked key by key against the schema of each key. */
  private static List<SchemaError> readmeErrors(ReadmeBlock kind, JsonNode document) {
    return switch (kind) {
      case CONFIG -> JsonSchemas.errors(JsonSchemas.schema(JsonSchemas.CONFIG, ""), document);
      case SUITE -> JsonSchemas.errors(JsonSchemas.schema(JsonSchemas.SUITE, ""), document);
      case CONFIG_PART ->
          document.properties().stream()
              .flatMap(
                  e ->
                      JsonSchemas.errors(
                          JsonSchemas.schema(JsonSchemas.CONFIG, "/properties/" + e.getKey()),
                          e.getValue())
                          .stream())
              .toList();
      case GITHUB_WORKFLOW, KUBERNETES_MANIFEST, PROMETHEUS_RULES, UNKNOWN -> List.of();
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {JsonSchemas.CONFIG, JsonSchemas.SUITE})
  void theSchemasAreJsonSchema202012WithEveryKeyDescribed(String file) throws IOException {
    JsonNode schema = new ObjectMapper().readTree(JsonSchemas.FOLDER.resolve(file).toFile());

    assertThat(JsonSchemas.errors(JsonSchemas.metaSchema(), schema)).isEmpty();
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    Map<String, JsonNode> keys = new LinkedHashMap<>();
    definedKeys(schema, "", keys);
    assertThat(keys).isNotEmpty();
    keys.forEach(
        (key, definition) ->
            assertThat(definition.path("description").asText()).as(key).isNotBlank());
  }

  @Test
  void theReadmeMentionsEveryKeyOfTheSchemas() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Set<String> unmentioned = new TreeSet<>();
    for (String file : List.of(JsonSchemas.CONFIG, JsonSchemas.SUITE)) {
      Map<String, JsonNode> keys = new LinkedHashMap<>();
      definedKeys(new ObjectMapper().readTree(JsonSchemas.FOLDER.resolve(file).toFile()), "", keys);
      for (String key : keys.keySet()) {
        String name = key.substring(key.lastIndexOf('.') + 1);
        if (!readme.contains("`" + name + "`") && !readme.contains(name + ":")) {
          unmentioned.add(file + ": " + key);
        }
      }
    }
    assertThat(unmentioned).as("keys the README does not mention").isEmpty();
  }

  /**
   * The keys a schema defines, by where they are defined; the conditions of {@code if}, {@code
   * then} and {@code not} only narrow keys defined elsewhere.
   */
  private static void definedKeys(JsonNode schema, String where, Map<String, JsonNode> out) {
    if (schema.isArray()) {
      schema.forEach(item -> definedKeys(item, where, out));
      return;
    }
    if (!schema.isObject()) {
      return;
    }
    schema
        .properties()
        .forEach(
            e -> {
              String name = e.getKey();
              if (name.equals("properties") && e.getValue().isObject()) {
                e.getValue()
                    .properties()
                    .forEach(p -> out.put(where + "." + p.getKey(), p.getValue()));
              }
              if (!List.of("if", "then", "not").contains(name)) {
                definedKeys(e.getValue(), where + "/" + name, out);
              }
            });
  }

  private static Set<String> topLevelKeys(String file) throws IOException {
    Set<String> keys = new TreeSet<>();
    new ObjectMapper()
        .readTree(JsonSchemas.FOLDER.resolve(file).toFile())
        .path("properties")
        .fieldNames()
        .forEachRemaining(keys::add);
    return keys;
  }

  private static String schemaOf(JsonNode document) {
    return document.has("checks") ? JsonSchemas.SUITE : JsonSchemas.CONFIG;
  }

  private static String unix(Path path) {
    return path.toString().replace('\\', '/');
  }
}
