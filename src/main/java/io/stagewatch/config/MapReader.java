package io.stagewatch.config;

import io.stagewatch.config.YamlNode.Entry;
import io.stagewatch.config.YamlNode.YamlList;
import io.stagewatch.config.YamlNode.YamlMap;
import io.stagewatch.config.YamlNode.YamlScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads typed values out of one YAML map, interpolating and checking them, and recording a problem
 * (with the key's full dotted path) for every value of the wrong kind. {@link #finish()} reports
 * the keys nobody asked for, so a typo never passes silently.
 */
public final class MapReader {
  private final YamlMap map;
  private final String path;
  private final Interpolator interpolator;
  private final Problems problems;
  private final Set<String> known = new HashSet<>();

  /** Each value read, by its full key, for what a message may show of it. */
  private final Map<String, Interpolated> read = new HashMap<>();

  public MapReader(YamlMap map, String path, Interpolator interpolator, Problems problems) {
    this.map = map;
    this.path = path;
    this.interpolator = interpolator;
    this.problems = problems;
  }

  /** Reads a node that must be a map, or records a problem and returns null. */
  public static @Nullable MapReader of(
      YamlNode node, String path, Interpolator interpolator, Problems problems) {
    if (node instanceof YamlMap m) {
      return new MapReader(m, path, interpolator, problems);
    }
    problems.add(node.location(), path, "expected a map, got " + node.describe());
    return null;
  }

  /**
   * A reader of the same map that interpolates with {@code other} and records into {@code into}.
   */
  public MapReader with(Interpolator other, Problems into) {
    return new MapReader(map, path, other, into);
  }

  public Location location() {
    return map.location();
  }

  public String path() {
    return path;
  }

  public Interpolator interpolator() {
    return interpolator;
  }

  public Problems problems() {
    return problems;
  }

  /** The full dotted key of a child, as shown in messages. */
  public String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public boolean has(String key) {
    known.add(key);
    return map.get(key) != null;
  }

  /** The raw node of a key, marking the key as known. */
  public @Nullable YamlNode node(String key) {
    known.add(key);
    return map.get(key);
  }

  /** The keys present, in written order. */
  public Set<String> keys() {
    return map.entries().keySet();
  }

  /** Records a problem at a key (or at the map when the key is absent). */
  public void problem(String key, String message) {
    Entry e = map.entries().get(key);
    problems.add(e == null ? map.location() : e.value().location(), keyPath(key), message);
  }

  /** Records a problem about the map itself. */
  public void problem(String message) {
    problems.add(map.location(), path, message);
  }

  /** An interpolated text value; null when absent, YAML null, or wrong (the problem recorded). */
  public @Nullable String string(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return null;
    }
    return text(node, keyPath(key));
  }

  /** Like {@link #string} but absent is a problem too. */
  public @Nullable String requiredString(String key) {
    if (node(key) == null) {
      problems.add(map.location(), keyPath(key), "required key is missing");
      return null;
    }
    return string(key);
  }

  /**
   * A text value whose key says it is a credential (a password, a token): collected as a secret,
   * unless only defaults written in the config made it.
   */
  public @Nullable String secret(String key) {
    Interpolated value = string(key) == null ? null : interpolated(key);
    if (value != null) {
      interpolator.secrets().credential(nameOf(key), value);
    }
    return value == null ? null : value.text();
  }

  /** What {@link #string} last read at a key, with what a message may show of it. */
  public @Nullable Interpolated interpolated(String key) {
    return read.get(keyPath(key));
  }

  /** How a warning names a key without showing its value: the full key and where it was written. */
  public String nameOf(String key) {
    Entry e = map.entries().get(key);
    return keyPath(key) + " (" + (e == null ? map.location() : e.value().location()) + ")";
  }

  /** Interpolates a scalar node, or records that it is not one. */
  public @Nullable String text(YamlNode node, String keyPath) {
    if (node instanceof YamlScalar s) {
      String raw = s.text();
      Interpolated value =
          raw == null ? null : interpolator.interpolate(raw, s.location(), keyPath, problems);
      if (value != null) {
        read.put(keyPath, value);
      }
      return value == null ? null : value.text();
    }
    problems.add(node.location(), keyPath, "expected a value, got " + node.describe());
    return null;
  }

  public @Nullable Duration duration(String key) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    Duration d = Durations.parse(text);
    if (d == null) {
      problem(key, "expected " + Durations.EXPECTED + ", got '" + shown(key, text) + "'");
    }
    return d;
  }

  public @Nullable Integer integer(String key, int min, int max) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min || value > max) {
        problem(key, "expected a whole number from " + min + " to " + max + ", got " + value);
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problem(key, "expected a whole number, got '" + shown(key, text) + "'");
      return null;
    }
  }

  public @Nullable Double number(String key, double min, double max) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(text.trim());
      if (!(value >= min && value <= max)) {
        problem(key, "expected a number from " + min + " to " + max + ", got " + value);
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problem(key, "expected a number, got '" + shown(key, text) + "'");
      return null;
    }
  }

  public @Nullable Boolean bool(String key) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    return switch (text.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problem(key, "expected true or false, got '" + shown(key, text) + "'");
        yield null;
      }
    };
  }

  /** A child map; null when absent or not a map (the problem recorded). */
  public @Nullable MapReader child(String key) {
    YamlNode node = node(key);
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      return null;
    }
    return of(node, keyPath(key), interpolator, problems);
  }

  /** A list of texts; a single value counts as a list of one. */
  public List<String> stringList(String key) {
    return stringList(key, value -> null);
  }

  /**
   * A list of texts, each checked: a value for which {@code problemWith} returns a message is
   * recorded as a problem at its own line and column, and left out.
   */
  public List<String> stringList(String key, Function<String, @Nullable String> problemWith) {
    YamlNode node = node(key);
    List<String> out = new ArrayList<>();
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      return out;
    }
    List<YamlNode> items = node instanceof YamlList l ? l.items() : List.of(node);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = keyPath(key) + "[" + i + "]";
      String value = text(items.get(i), itemPath);
      String problem = value == null ? null : problemWith.apply(value);
      if (problem != null) {
        problems.add(items.get(i).location(), itemPath, problem);
      } else if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  /** A map of texts, in written order. */
  public Map<String, String> stringMap(String key) {
    MapReader child = child(key);
    return child == null ? new LinkedHashMap<>() : child.texts();
  }

  /** A map of HTTP headers, in written order; credential headers' values are secrets. */
  public Map<String, String> headers(String key) {
    MapReader child = child(key);
    if (child == null) {
      return new LinkedHashMap<>();
    }
    Map<String, String> headers = child.texts();
    for (String name : headers.keySet()) {
      Interpolated value = child.interpolated(name);
      if (value != null) {
        interpolator.secrets().header(child.nameOf(name), name, value);
      }
    }
    return headers;
  }

  /** Every value of this map as text. */
  private Map<String, String> texts() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Entry> e : map.entries().entrySet()) {
      known.add(e.getKey());
      String value = text(e.getValue().value(), keyPath(e.getKey()));
      if (value != null) {
        out.put(e.getKey(), value);
      }
    }
    return out;
  }

  /** A list of child maps; items that are not maps are recorded as problems and left out. */
  public List<MapReader> children(String key) {
    YamlNode node = node(key);
    List<MapReader> out = new ArrayList<>();
    if (node == null || node instanceof YamlScalar s && s.isNull()) {
      return out;
    }
    if (!(node instanceof YamlList list)) {
      problem(key, "expected a list, got " + node.describe());
      return out;
    }
    for (int i = 0; i < list.items().size(); i++) {
      MapReader child =
          of(list.items().get(i), keyPath(key) + "[" + i + "]", interpolator, problems);
      if (child != null) {
        out.add(child);
      }
    }
    return out;
  }

  /** Reports every key that no reader asked for, naming the keys that are allowed. */
  public void finish() {
    for (Map.Entry<String, Entry> e : map.entries().entrySet()) {
      if (!known.contains(e.getKey())) {
        List<String> allowed = known.stream().sorted().toList();
        problems.add(
            e.getValue().keyLocation(),
            keyPath(e.getKey()),
            "unknown key"
                + (allowed.isEmpty()
                    ? ""
                    : " (expected one of: " + String.join(", ", allowed) + ")"));
      }
    }
  }

  /**
   * What a message may show of a value read at a key: nothing when the key says credential, else
   * the value with the secret variables in it, credential query parameters and every part that is a
   * secret masked.
   */
  public String shown(String key, String text) {
    if (Secrets.isSecretKey(key)) {
      return Secrets.MASK;
    }
    Interpolated value = interpolated(key);
    String shown = value != null && value.text().equals(text) ? value.shown() : text;
    return interpolator.secrets().freeze().maskUrl(shown);
  }
}
