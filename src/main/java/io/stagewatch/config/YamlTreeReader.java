package io.stagewatch.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stagewatch.config.YamlNode.Entry;
import io.stagewatch.config.YamlNode.YamlList;
import io.stagewatch.config.YamlNode.YamlMap;
import io.stagewatch.config.YamlNode.YamlScalar;
import java.io.IOException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming parser, keeping each value's line
 * and column. Duplicate keys are reported (YAML parsers usually keep the last one silently), and so
 * is what a config or suite never holds and a hostile file would: characters YAML does not allow,
 * anchors and aliases ({@link YamlAliases}), nesting deeper than {@link #MAX_DEPTH}, more than
 * {@link YamlFile#MAX_BYTES}, a second document.
 */
public final class YamlTreeReader {
  /**
   * How deep maps and lists may nest. A config or suite needs a handful of levels; the bound keeps
   * a file of a million {@code [} from running this reader out of stack.
   */
  public static final int MAX_DEPTH = 100;

  private static final LoaderOptions LIMITS = limits();

  private static final YAMLFactory FACTORY =
      // rebuild(), not builder(): the builder starts without the parser features a factory has by
      // default, and an empty value would read as "" instead of null.
      new YAMLFactory()
          .rebuild()
          .loaderOptions(LIMITS)
          // A backstop: the reader stops at MAX_DEPTH itself, naming the place.
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
          .build();

  private YamlTreeReader() {}

  /**
   * SnakeYAML's limits, set here rather than left to its defaults. Jackson's streaming parser uses
   * SnakeYAML's scanner, which enforces the code point limit; the nesting and alias limits are
   * enforced only by SnakeYAML's composer, which Jackson does not use, so this reader bounds the
   * depth itself and refuses aliases outright.
   */
  private static LoaderOptions limits() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(YamlFile.MAX_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  /**
   * Parses one document. Returns null when the text cannot be parsed or holds what is refused; the
   * problems are then in {@code problems}.
   */
  public static @Nullable YamlNode read(String fileName, String text, Problems problems) {
    if (!onlyYamlCharacters(fileName, text, problems)
        || !YamlAliases.noneIn(fileName, text, LIMITS, problems)) {
      return null;
    }
    JsonParser parser = null;
    try {
      parser = FACTORY.createParser(text);
      return new TreeReader(fileName, parser, problems).document();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      if (at == null && parser != null) {
        at = parser.currentLocation(); // the stream constraints' errors carry no location
      }
      problems.add(locationOf(fileName, at), "", "not valid YAML: " + e.getOriginalMessage());
      return null;
    } catch (IOException e) {
      problems.add(Location.ofFile(fileName), "", "cannot be read: " + e.getMessage());
      return null;
    } finally {
      closeQuietly(parser);
    }
  }

  /**
   * YAML allows no control characters but tab and line breaks. The parser refuses them too, but
   * names the place of the token it last read, often line 1, rather than the character's.
   */
  private static boolean onlyYamlCharacters(String file, String text, Problems problems) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!StreamReader.isPrintable(c)) {
        String what =
            c == 0
                ? "a NUL byte (U+0000)"
                : String.format(
                    Character.isISOControl(c) ? "the control character U+%04X" : "U+%04X", c);
        problems.add(Location.at(file, text, i), "", what + " is not allowed in YAML text");
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static Location locationOf(String file, @Nullable JsonLocation at) {
    return at == null
        ? Location.ofFile(file)
        : new Location(file, at.getLineNr(), at.getColumnNr());
  }

  private static void closeQuietly(@Nullable JsonParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // A parser over a string holds nothing to release.
      }
    }
  }

  /** One document's tree, read token by token. */
  private static final class TreeReader {
    private final String file;
    private final JsonParser parser;
    private final Problems problems;

    TreeReader(String file, JsonParser parser, Problems problems) {
      this.file = file;
      this.parser = parser;
      this.problems = problems;
    }

    @Nullable YamlNode document() throws IOException {
      if (parser.nextToken() == null) {
        problems.add(Location.ofFile(file), "", "the file is empty");
        return null;
      }
      try {
        YamlNode root = value(1);
        JsonToken next = parser.nextToken();
        if (next != null && next != JsonToken.VALUE_NULL) {
          problems.add(here(), "", "a second YAML document: a file holds one");
          return null;
        }
        return root;
      } catch (TooDeep e) {
        problems.add(e.location, "", "maps and lists nested more than " + MAX_DEPTH + " deep");
        return null;
      }
    }

    private YamlNode value(int depth) throws IOException, TooDeep {
      JsonToken token = parser.currentToken();
      Location location = here();
      boolean nests = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
      if (nests && depth > MAX_DEPTH) {
        throw new TooDeep(location);
      }
      if (token == JsonToken.START_OBJECT) {
        return map(location, depth);
      }
      if (token == JsonToken.START_ARRAY) {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(depth + 1));
        }
        return new YamlList(location, items);
      }
      if (token == JsonToken.VALUE_NULL) {
        return new YamlScalar(location, null, false);
      }
      return new YamlScalar(location, parser.getText(), token == JsonToken.VALUE_STRING);
    }

    private YamlMap map(Location location, int depth) throws IOException, TooDeep {
      Map<String, Entry> entries = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        Location keyLocation = here();
        parser.nextToken();
        YamlNode value = value(depth + 1);
        if (entries.containsKey(key)) {
          problems.add(keyLocation, key, "duplicate key");
        } else {
          entries.put(key, new Entry(keyLocation, value));
        }
      }
      return new YamlMap(location, entries);
    }

    private Location here() {
      return locationOf(file, parser.currentTokenLocation());
    }
  }

  /** Stops reading a tree that nests too deep, at the first place it does. */
  private static final class TooDeep extends Exception {
    @Serial private static final long serialVersionUID = 1L;

    private final transient Location location;

    TooDeep(Location location) {
      super(null, null, false, false);
      this.location = location;
    }
  }
}
