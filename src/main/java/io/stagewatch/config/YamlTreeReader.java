package io.stagewatch.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stagewatch.config.YamlNode.Entry;
import io.stagewatch.config.YamlNode.YamlList;
import io.stagewatch.config.YamlNode.YamlMap;
import io.stagewatch.config.YamlNode.YamlScalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming parser, keeping each value's line
 * and column. Duplicate keys are reported (YAML parsers usually keep the last one silently).
 */
public final class YamlTreeReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlTreeReader() {}

  /**
   * Parses one document. Returns null when the text cannot be parsed; the syntax error is then in
   * {@code problems}.
   */
  public static @Nullable YamlNode read(String fileName, String text, Problems problems) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(Location.ofFile(fileName), "", "the file is empty");
        return null;
      }
      return readValue(fileName, parser, problems);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Location location =
          at == null
              ? Location.ofFile(fileName)
              : new Location(fileName, at.getLineNr(), at.getColumnNr());
      problems.add(location, "", "not valid YAML: " + e.getOriginalMessage());
      return null;
    } catch (IOException e) {
      problems.add(Location.ofFile(fileName), "", "cannot be read: " + e.getMessage());
      return null;
    }
  }

  private static YamlNode readValue(String file, JsonParser parser, Problems problems)
      throws IOException {
    JsonToken token = parser.currentToken();
    Location location = locationOf(file, parser);
    if (token == JsonToken.START_OBJECT) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        Location keyLocation = locationOf(file, parser);
        parser.nextToken();
        YamlNode value = readValue(file, parser, problems);
        if (entries.containsKey(key)) {
          problems.add(keyLocation, key, "duplicate key");
        } else {
          entries.put(key, new Entry(keyLocation, value));
        }
      }
      return new YamlMap(location, entries);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(readValue(file, parser, problems));
      }
      return new YamlList(location, items);
    }
    if (token == JsonToken.VALUE_NULL) {
      return new YamlScalar(location, null, false);
    }
    return new YamlScalar(location, parser.getText(), token == JsonToken.VALUE_STRING);
  }

  private static Location locationOf(String file, JsonParser parser) {
    JsonLocation at = parser.currentTokenLocation();
    return new Location(file, at.getLineNr(), at.getColumnNr());
  }
}
