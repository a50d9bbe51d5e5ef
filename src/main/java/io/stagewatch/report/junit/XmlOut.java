package io.stagewatch.report.junit;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over {@link XMLStreamWriter} that indents elements and drops characters XML 1.0
 * cannot carry. The stream writer escapes markup but writes control characters as they are, which
 * would make the document unreadable for every parser; check messages can contain them.
 */
final class XmlOut {
  private static final String INDENT = "  ";

  private static final String[] NEW_LINES = {
    "\n", "\n" + INDENT, "\n" + INDENT.repeat(2), "\n" + INDENT.repeat(3), "\n" + INDENT.repeat(4)
  };

  private final XMLStreamWriter xml;

  /**
   * One entry per open element: whether it has child elements, so its end tag goes on a new line.
   */
  private final Deque<Boolean> open = new ArrayDeque<>();

  XmlOut(XMLStreamWriter xml) {
    this.xml = xml;
  }

  void startDocument() throws XMLStreamException {
    xml.writeStartDocument("UTF-8", "1.0");
  }

  void endDocument() throws XMLStreamException {
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.flush();
  }

  void start(String name) throws XMLStreamException {
    newLineForChild();
    xml.writeStartElement(name);
    open.push(false);
  }

  void empty(String name) throws XMLStreamException {
    newLineForChild();
    xml.writeEmptyElement(name);
  }

  void attribute(String name, String value) throws XMLStreamException {
    xml.writeAttribute(name, legal(value));
  }

  void text(String text) throws XMLStreamException {
    xml.writeCharacters(legal(text));
  }

  void end() throws XMLStreamException {
    boolean hadChildren = open.pop();
    if (hadChildren) {
      xml.writeCharacters(newLine(open.size()));
    }
    xml.writeEndElement();
  }

  private void newLineForChild() throws XMLStreamException {
    if (!open.isEmpty()) {
      open.pop();
      open.push(true);
    }
    xml.writeCharacters(newLine(open.size()));
  }

  /** A line break and the indent of {@code depth}; the first few are made once. */
  private static String newLine(int depth) {
    return depth < NEW_LINES.length ? NEW_LINES[depth] : "\n" + INDENT.repeat(depth);
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
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(XmlOut::isLegal).forEach(out::appendCodePoint);
    return out.toString();
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
