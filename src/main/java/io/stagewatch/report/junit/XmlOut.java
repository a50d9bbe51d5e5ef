package io.stagewatch.report.junit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Writes the indented XML of {@code junit.xml}: elements, attributes and text, escaped, with the
 * characters XML 1.0 cannot carry dropped (check messages can contain them, and one would make the
 * document unreadable for every parser).
 *
 * <p>The text is written directly, as the JDK's StAX writer writes it: going through the writer
 * cost every run start-up code for a format four element names deep (CONTRIBUTING, Speed). A test
 * holds the text to the StAX writer's.
 */
final class XmlOut {
  private static final String INDENT = "  ";

  private static final String[] NEW_LINES = {
    "\n", "\n" + INDENT, "\n" + INDENT.repeat(2), "\n" + INDENT.repeat(3), "\n" + INDENT.repeat(4)
  };

  private final StringBuilder out;

  /** The open elements, innermost first. */
  private final Deque<Element> open = new ArrayDeque<>();

  /** What ends the tag being written ({@code >} or {@code />}); null when none is open. */
  private @Nullable String tagEnd;

  XmlOut(StringBuilder out) {
    this.out = out;
  }

  void startDocument() {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  }

  void endDocument() {
    closeTag();
    out.append('\n');
  }

  void start(String name) {
    newLineForChild();
    out.append('<').append(name);
    open.push(new Element(name));
    tagEnd = ">";
  }

  void empty(String name) {
    newLineForChild();
    out.append('<').append(name);
    tagEnd = "/>";
  }

  void attribute(String name, String value) {
    out.append(' ').append(name).append("=\"");
    escape(legal(value), true);
    out.append('"');
  }

  void text(String text) {
    closeTag();
    escape(legal(text), false);
  }

  void end() {
    Element element = open.pop();
    closeTag();
    if (element.hasChildren) {
      out.append(newLine(open.size()));
    }
    out.append("</").append(element.name).append('>');
  }

  private void newLineForChild() {
    closeTag();
    Element parent = open.peek();
    if (parent != null) {
      parent.hasChildren = true;
    }
    out.append(newLine(open.size()));
  }

  private void closeTag() {
    String end = tagEnd;
    if (end != null) {
      out.append(end);
      tagEnd = null;
    }
  }

  /** An open element; whether it has child elements decides where its end tag goes. */
  private static final class Element {
    final String name;
    boolean hasChildren;

    Element(String name) {
      this.name = name;
    }
  }

  /** Markup characters as entities; quotes only in attribute values. */
  private void escape(String text, boolean attribute) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        default -> out.append(c);
      }
    }
  }

  /** A line break and the indent of {@code level}; the first few are made once. */
  private static String newLine(int level) {
    return level < NEW_LINES.length ? NEW_LINES[level] : "\n" + INDENT.repeat(level);
  }

  /**
   * Keeps only the characters XML 1.0 allows: tab, line feed, carriage return and everything from
   * U+0020 except lone surrogates, U+FFFE and U+FFFF.
   */
  static String legal(String text) {
    if (allLegal(text)) {
      // The usual case, checked without copying: the writer sees every name and message.
      return text;
    }
    StringBuilder legal = new StringBuilder(text.length());
    text.codePoints().filter(XmlOut::isLegal).forEach(legal::appendCodePoint);
    return legal.toString();
  }

  private static boolean allLegal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Surrogates need the code point; they are rare enough to take the slow path.
      if (c < 0x20 ? c != 0x9 && c != 0xA && c != 0xD : c >= 0xD800) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLegal(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
