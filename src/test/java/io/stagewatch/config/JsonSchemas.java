package io.stagewatch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON Schemas of the project's {@code schemas/} folder, loaded by a real validator, judging
 * YAML documents. The suite schema refers to the config schema's definitions by a relative path,
 * which the validator resolves beside it, as an editor does.
 */
public final class JsonSchemas {
  static final Path FOLDER = Path.of("schemas").toAbsolutePath();
  static final String CONFIG = "stagewatch-config.schema.json";
  static final String SUITE = "stagewatch-suite.schema.json";

  static final ObjectMapper YAML = new YAMLMapper();

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(VersionFlag.V202012);

  /** One thing a schema finds wrong, at a location written as the loader writes keys. */
  public record SchemaError(String location, String type, String property, String message) {
    @Override
    public String toString() {
      return message;
    }
  }

  private JsonSchemas() {}

  /** A schema file of {@code schemas/}, or a part of it when {@code pointer} is not empty. */
  static JsonSchema schema(String file, String pointer) {
    return schema(FOLDER.resolve(file), pointer);
  }

  /** A schema file anywhere, or a part of it; the schemas it refers to are read beside it. */
  static JsonSchema schema(Path file, String pointer) {
    String iri = file.toAbsolutePath().toUri() + (pointer.isEmpty() ? "" : "#" + pointer);
    JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(iri));
    schema.initializeValidators();
    return schema;
  }

  /** The JSON Schema 2020-12 meta-schema, which the validator carries with it. */
  static JsonSchema metaSchema() {
    return FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
  }

  /** What a schema file finds wrong with a YAML document; empty when the document is valid. */
  static List<SchemaError> errors(String file, String yaml) {
    return errors(schema(file, ""), read(yaml));
  }

  /** What the schema in a file finds wrong with a YAML document; empty when it is valid. */
  public static List<SchemaError> errors(Path schemaFile, String yaml) {
    return errors(schema(schemaFile, ""), read(yaml));
  }

  static List<SchemaError> errors(JsonSchema schema, JsonNode document) {
    return schema.validate(document).stream().map(JsonSchemas::error).toList();
  }

  static JsonNode read(String yaml) {
    try {
      JsonNode node = YAML.readTree(yaml);
      return node == null ? YAML.nullNode() : node;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SchemaError error(ValidationMessage m) {
    return new SchemaError(
        loaderKey(m.getInstanceLocation().toString()),
        m.getType(),
        String.valueOf(m.getProperty()),
        m.getMessage());
  }

  /** {@code $.checks[0].http} as the loader writes it: {@code checks[0].http}. */
  private static String loaderKey(String location) {
    String key = location.startsWith("$") ? location.substring(1) : location;
    return key.startsWith(".") ? key.substring(1) : key;
  }
}
