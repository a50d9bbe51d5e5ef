package io.stagewatch.config;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A YAML value together with the place it was written. Loading keeps these instead of plain Jackson
 * trees so that every later problem (a bad duration, an unknown key) can name its line and column.
 */
public sealed interface YamlNode {

  Location location();

  /** A short name of the node's type for error messages: "a map", "a list", "a text". */
  String describe();

  /** A mapping; keys keep their own locations and their written order. */
  record YamlMap(Location location, Map<String, Entry> entries) implements YamlNode {
    public YamlMap {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }

    public @Nullable YamlNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  /** One key of a mapping: where the key was written, and its value. */
  record Entry(Location keyLocation, YamlNode value) {}

  /** A sequence. */
  record YamlList(Location location, List<YamlNode> items) implements YamlNode {
    public YamlList {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar as written. {@code text} is null for YAML null ({@code ~}, {@code null} or nothing);
   * {@code quoted} tells a quoted "200" from a plain 200.
   */
  record YamlScalar(Location location, @Nullable String text, boolean quoted) implements YamlNode {
    public boolean isNull() {
      return text == null;
    }

    @Override
    public String describe() {
      return text == null ? "null" : "a value";
    }
  }
}
