package io.stagewatch.config;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Refuses YAML anchors ({@code &name}) and aliases ({@code *name}) in config and suite files. A
 * smoke suite never needs them, and Jackson's streaming parser, which builds our trees, does not
 * expand an alias: it reads {@code *name} as the text "name", so an alias would be silently taken
 * for a value. Refusing both also leaves no room for alias bombs. Jackson reports aliases but not
 * the anchors of plain values, so the file's events are read here, with SnakeYAML's own parser, for
 * both.
 */
final class YamlAliases {
  static final String RULE = "YAML anchors and aliases are not supported; write the value out";

  /** How many are reported one by one; a file of thousands (a bomb) gets a count of the rest. */
  static final int SHOWN = 10;

  private YamlAliases() {}

  /** Records a problem at each anchor and alias of {@code text}; true when there is none. */
  static boolean noneIn(String file, String text, LoaderOptions limits, Problems problems) {
    if (text.indexOf('&') < 0 && text.indexOf('*') < 0) {
      return true; // an anchor or alias needs one of these; most files have neither
    }
    int found = 0;
    Location firstUnshown = null;
    Parser events = new ParserImpl(new StreamReader(text), limits);
    try {
      while (!events.checkEvent(Event.ID.StreamEnd)) {
        Event event = events.getEvent();
        String anchor = event instanceof NodeEvent node ? node.getAnchor() : null;
        if (anchor != null && ++found <= SHOWN) {
          String written = (event instanceof AliasEvent ? "*" : "&") + anchor;
          problems.add(at(file, event.getStartMark()), "", "found " + written + ": " + RULE);
        } else if (anchor != null && firstUnshown == null) {
          firstUnshown = at(file, event.getStartMark());
        }
      }
    } catch (YAMLException e) {
      // Not valid YAML: the tree reader reports where, with what was found up to there.
    }
    if (firstUnshown != null) {
      problems.add(firstUnshown, "", (found - SHOWN) + " more anchors and aliases from here on");
    }
    return found == 0;
  }

  private static Location at(String file, @Nullable Mark mark) {
    return mark == null
        ? Location.ofFile(file)
        : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
  }
}
