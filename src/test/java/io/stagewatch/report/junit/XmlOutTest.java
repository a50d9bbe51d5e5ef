package io.stagewatch.report.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.report.SampleRuns;
import io.stagewatch.run.RunResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code junit.xml} is written as text; it must be what the JDK's StAX writer writes for the same
 * document, escaping included. The reference is made by reading the file back with StAX and writing
 * every event again with the StAX writer.
 */
class XmlOutTest {

  @Test
  void theFileIsWhatTheStaxWriterWritesForTheSameDocument() throws Exception {
    for (RunResult run : List.of(SampleRuns.mixed(), SampleRuns.allPassed())) {
      String xml = new JunitXmlReport().render(run);

      assertThat(xml).isEqualTo(throughStax(xml));
    }
  }

  @Test
  void markupInNamesAndMessagesIsEscapedAsTheStaxWriterEscapesIt() throws Exception {
    StringBuilder text = new StringBuilder();
    XmlOut xml = new XmlOut(text);
    xml.startDocument();
    xml.start("a");
    xml.attribute("quote", "say \"<hi>\" & 'bye'");
    xml.empty("b");
    xml.attribute("x", "1 > 0");
    xml.start("c");
    xml.text("x < y & y > \"z\" 'w'\n\ttabbed\u0007");
    xml.end();
    xml.end();
    xml.endDocument();

    assertThat(text.toString()).isEqualTo(throughStax(text.toString()));
    assertThat(text.toString())
        .contains("quote=\"say &quot;&lt;hi&gt;&quot; &amp; 'bye'\"")
        .contains(">x &lt; y &amp; y &gt; \"z\" 'w'\n\ttabbed</c>");
  }

  /** Every event of {@code xml} written again by the JDK's StAX writer. */
  private static String throughStax(String xml) throws Exception {
    XMLStreamReader in =
        XMLInputFactory.newDefaultFactory().createXMLStreamReader(new StringReader(xml));
    StringWriter text = new StringWriter();
    XMLStreamWriter out = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
    out.writeStartDocument(in.getCharacterEncodingScheme(), in.getVersion());
    // The reader does not report the line breaks before and after the root element.
    out.writeCharacters("\n");
    while (in.hasNext()) {
      switch (in.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          String name = in.getLocalName();
          int attributes = in.getAttributeCount();
          String[][] pairs = new String[attributes][];
          for (int i = 0; i < attributes; i++) {
            pairs[i] = new String[] {in.getAttributeLocalName(i), in.getAttributeValue(i)};
          }
          // An element with nothing inside was written with empty(), as <name/>. (The reader
          // cannot tell <name></name> from it, so the documents here do not use that form.)
          if (in.next() == XMLStreamConstants.END_ELEMENT) {
            out.writeEmptyElement(name);
            writeAttributes(out, pairs);
          } else {
            out.writeStartElement(name);
            writeAttributes(out, pairs);
            writeEvent(in, out);
          }
        }
        default -> writeEvent(in, out);
      }
    }
    out.flush();
    return text.toString();
  }

  private static void writeAttributes(XMLStreamWriter out, String[][] pairs) throws Exception {
    for (String[] pair : pairs) {
      out.writeAttribute(pair[0], pair[1]);
    }
  }

  private static void writeEvent(XMLStreamReader in, XMLStreamWriter out) throws Exception {
    switch (in.getEventType()) {
      case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE ->
          out.writeCharacters(in.getText());
      case XMLStreamConstants.END_ELEMENT -> out.writeEndElement();
      case XMLStreamConstants.END_DOCUMENT -> {
        out.writeCharacters("\n");
        out.writeEndDocument();
      }
      default -> throw new AssertionError("unexpected event " + in.getEventType());
    }
  }
}
