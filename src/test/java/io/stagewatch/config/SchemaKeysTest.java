package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.stagewatch.check.kinds.CheckKinds;
import io.stagewatch.config.JsonSchemas.SchemaError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schemas know the keys the loaders read, no more and no fewer. Documents that use every key
 * load and validate; into each of their maps an unknown key is put, and the schema must refuse it
 * exactly where the loader does. Where the loader refuses it, its message lists the keys it reads
 * there, and each must be in the documents, so a key the loader learns fails here until the
 * documents and the schema have it too.
 */
class SchemaKeysTest {
  private static final String UNKNOWN = "zzUnknown";
  private static final Pattern KNOWN = Pattern.compile("unknown key \\(expected one of: (.*)\\)");
  private static final List<String> CONFIGS =
      List.of("complete-config.yaml", "complete-config-polling.yaml");
  private static final List<String> SUITES = List.of("complete-suite.yaml");

  @TempDir Path project;

  @Test
  void theCompleteDocumentsLoadAndMatchTheSchemas() throws IOException {
    for (String file : CONFIGS) {
      String yaml = document(file);
      assertThat(Loaders.config(project, yaml)).as(file).isEmpty();
      assertThat(JsonSchemas.errors(JsonSchemas.CONFIG, yaml)).as(file).isEmpty();
    }
    for (String file : SUITES) {
      String yaml = document(file);
      assertThat(Loaders.suite(yaml)).as(file).isEmpty();
      assertThat(JsonSchemas.errors(JsonSchemas.SUITE, yaml)).as(file).isEmpty();
    }
  }

  @Test
  void everyKeyTheSchemasDefineIsInTheCompleteDocuments() throws IOException {
    Set<String> written = new TreeSet<>();
    for (String file : concat(CONFIGS, SUITES)) {
      places(file).forEach(place -> written.addAll(place.names()));
    }
    Set<String> defined = new TreeSet<>();
    for (String schema : List.of(JsonSchemas.CONFIG, JsonSchemas.SUITE)) {
      propertyNames(
          new ObjectMapper().readTree(JsonSchemas.FOLDER.resolve(schema).toFile()), defined);
    }
    assertThat(written).as("keys in the complete documents").containsAll(defined);
  }

  @Test
  void theSuiteSchemaHasACheckOfEveryKindTheRegistryHolds() throws IOException {
    JsonNode check =
        new ObjectMapper()
            .readTree(JsonSchemas.FOLDER.resolve(JsonSchemas.SUITE).toFile())
            .at("/$defs/check");
    List<String> kinds = new ArrayList<>();
    check.path("oneOf").forEach(kind -> kinds.add(kind.path("required").path(0).asText()));

    assertThat(kinds).containsExactlyInAnyOrderElementsOf(CheckKinds.keys());
    assertThat(check.path("properties").has("expect")).isTrue();
    for (String kind : kinds) {
      assertThat(check.path("properties").has(kind)).as(kind).isTrue();
    }
  }

  @Test
  void theConfigSchemaRefusesUnknownKeysWhereTheConfigLoaderDoes() throws IOException {
    assertThat(mismatches(CONFIGS, JsonSchemas.CONFIG, yaml -> Loaders.config(project, yaml)))
        .isEmpty();
  }

  @Test
  void theSuiteSchemaRefusesUnknownKeysWhereTheSuiteLoaderDoes() throws IOException {
    assertThat(mismatches(SUITES, JsonSchemas.SUITE, Loaders::suite)).isEmpty();
  }

  /** A loader, given YAML text, returns its problems. */
  private interface Loader {
    List<ConfigProblem> problems(String yaml) throws IOException;
  }

  /** Puts an unknown key into each map of the documents in turn and says what disagrees. */
  private static List<String> mismatches(List<String> files, String schemaFile, Loader loader)
      throws IOException {
    List<String> mismatches = new ArrayList<>();
    Map<String, Set<String>> written = written(files);
    JsonSchema schema = JsonSchemas.schema(schemaFile, "");
    for (String file : files) {
      JsonNode document = JsonSchemas.read(document(file));
      for (Place place : places(file)) {
        JsonNode probe = withUnknownKey(document, place);
        compare(
            file,
            place.key(),
            loader.problems(yaml(probe)),
            JsonSchemas.errors(schema, probe),
            written,
            mismatches);
      }
    }
    return mismatches;
  }

  /**
   * Records what disagrees at one map: whether the loader and the schema refuse the unknown key,
   * and which keys the loader reads there that the documents do not have.
   */
  private static void compare(
      String file,
      String place,
      List<ConfigProblem> loader,
      List<SchemaError> schema,
      Map<String, Set<String>> written,
      List<String> mismatches) {
    String key = place.isEmpty() ? UNKNOWN : place + "." + UNKNOWN;
    ConfigProblem refused =
        loader.stream()
            .filter(p -> p.key().equals(key) && p.message().startsWith("unknown key"))
            .findFirst()
            .orElse(null);
    boolean schemaRefuses =
        schema.stream()
            .anyMatch(
                e ->
                    e.type().equals("additionalProperties")
                        && e.location().equals(place)
                        && e.property().equals(UNKNOWN));
    String where = file + " at '" + place + "'";
    if ((refused != null) != schemaRefuses) {
      mismatches.add(
          where
              + ": the loader "
              + (refused != null ? "refuses" : "takes")
              + " an unknown key,"
              + " the schema "
              + (schemaRefuses ? "refuses" : "takes")
              + " it");
    }
    Matcher known = refused == null ? null : KNOWN.matcher(refused.message());
    if (known != null && known.matches()) {
      Set<String> missing = new TreeSet<>(List.of(known.group(1).split(", ")));
      missing.removeAll(written.getOrDefault(generalized(place), Set.of()));
      if (!missing.isEmpty()) {
        mismatches.add(where + ": the loader reads " + missing + ", which the documents lack");
      }
    }
  }

  /** The keys written at each map of the documents, by the map's place with list indexes as *. */
  private static Map<String, Set<String>> written(List<String> files) throws IOException {
    Map<String, Set<String>> written = new LinkedHashMap<>();
    for (String file : files) {
      for (Place place : places(file)) {
        written
            .computeIfAbsent(generalized(place.key()), p -> new TreeSet<>())
            .addAll(place.names());
      }
    }
    return written;
  }

  /** A map of a document: its place, as the loader names keys, where it is, and its keys. */
  private record Place(String key, JsonPointer pointer, Set<String> names) {}

  private static List<Place> places(
      JsonNode node, String key, JsonPointer pointer, List<Place> out) {
    if (node.isObject()) {
      Set<String> names = new TreeSet<>();
      node.fieldNames().forEachRemaining(names::add);
      out.add(new Place(key, pointer, names));
      node.properties()
          .forEach(
              e ->
                  places(
                      e.getValue(),
                      join(key, e.getKey()),
                      pointer.appendProperty(e.getKey()),
                      out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        places(node.get(i), key + "[" + i + "]", pointer.appendIndex(i), out);
      }
    }
    return out;
  }

  private static List<Place> places(String file) {
    return places(JsonSchemas.read(document(file)), "", JsonPointer.empty(), new ArrayList<>());
  }

  private static JsonNode withUnknownKey(JsonNode document, Place place) {
    JsonNode copy = document.deepCopy();
    ((ObjectNode) copy.at(place.pointer())).put(UNKNOWN, "x");
    return copy;
  }

  private static void propertyNames(JsonNode schema, Set<String> out) {
    if (schema.isObject()) {
      JsonNode properties = schema.get("properties");
      if (properties != null && properties.isObject()) {
        properties.fieldNames().forEachRemaining(out::add);
      }
      schema.forEach(child -> propertyNames(child, out));
    } else if (schema.isArray()) {
      schema.forEach(child -> propertyNames(child, out));
    }
  }

  private static String generalized(String place) {
    return place.replaceAll("\\[\\d+\\]", "[*]");
  }

  private static String join(String place, String key) {
    return place.isEmpty() ? key : place + "." + key;
  }

  private static String yaml(JsonNode document) throws JsonProcessingException {
    return JsonSchemas.YAML.writeValueAsString(document);
  }

  private static String document(String file) {
    return SchemaCasesTest.resource("/config-schemas/" + file);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
