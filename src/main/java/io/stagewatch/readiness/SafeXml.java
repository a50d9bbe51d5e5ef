package io.stagewatch.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses report files without fetching anything. JaCoCo and Cobertura reports carry a DOCTYPE, so
 * DOCTYPEs are accepted, but external DTDs and entities are never loaded and entity expansion is
 * limited: a report from an untrusted build cannot read local files or reach the network.
 */
final class SafeXml {
  private SafeXml() {}

  static Document parse(Path file) throws InputException {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilder builder = factory().newDocumentBuilder();
      // Without a handler the parser prints every error to stderr before throwing.
      builder.setErrorHandler(new DefaultHandler());
      return builder.parse(in, file.toUri().toString());
    } catch (SAXException e) {
      throw new InputException(file, "not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InputException(file, "cannot be read: " + e, e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(false);
    return f;
  }
}
