package io.stagewatch.report.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.stagewatch.report.SampleRuns;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class JunitXmlReportTest {
  private final JunitXmlReport report = new JunitXmlReport();

  @Test
  void aMixedRunValidatesAgainstTheSurefireSchema() throws Exception {
    String xml = report.render(SampleRuns.mixed());

    assertThatCode(() -> validate(xml)).doesNotThrowAnyException();
  }

  @Test
  void anAllPassedRunValidatesAgainstTheSurefireSchema() throws Exception {
    String xml = report.render(SampleRuns.allPassed());

    assertThatCode(() -> validate(xml)).doesNotThrowAnyException();
  }

  @Test
  void theSchemaRejectsATimeWithAnExponent() throws Exception {
    // Shows the validation above has teeth: the time pattern is what the report must respect.
    String xml = report.render(SampleRuns.allPassed()).replace("time=\"0.300\"", "time=\"3E-1\"");

    assertThat(xml).contains("3E-1");

    assertThatCode(() -> validate(xml)).isInstanceOf(SAXException.class);
  }

  @Test
  void theRootCountsEveryCheckOfTheRun() throws Exception {
    Element root = parse(report.render(SampleRuns.mixed())).getDocumentElement();

    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("name")).isEqualTo("stagewatch");
    assertThat(root.getAttribute("tests")).isEqualTo("6");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
    assertThat(root.getAttribute("time")).isEqualTo("7.250");
  }

  @Test
  void suitesComeInTheOrderTheyFirstAppearWithTheirOwnCounts() throws Exception {
    List<Element> suites = children(parse(report.render(SampleRuns.mixed())), "testsuite");

    assertThat(suites)
        .extracting(s -> s.getAttribute("name"))
        .containsExactly("staging-health", "checkout");
    Element health = suites.get(0);
    assertThat(health.getAttribute("tests")).isEqualTo("3");
    assertThat(health.getAttribute("failures")).isEqualTo("0");
    assertThat(health.getAttribute("errors")).isEqualTo("0");
    assertThat(health.getAttribute("skipped")).isEqualTo("0");
    assertThat(health.getAttribute("time")).isEqualTo("1.291");
    assertThat(health.getAttribute("timestamp")).isEqualTo("2026-11-23T10:00:00");
    Element checkout = suites.get(1);
    assertThat(checkout.getAttribute("tests")).isEqualTo("3");
    assertThat(checkout.getAttribute("failures")).isEqualTo("1");
    assertThat(checkout.getAttribute("errors")).isEqualTo("1");
    assertThat(checkout.getAttribute("skipped")).isEqualTo("1");
  }

  @Test
  void eachSuiteCarriesTheRunAsProperties() throws Exception {
    Element suite = children(parse(report.render(SampleRuns.mixed())), "testsuite").get(0);

    assertThat(properties(suite))
        .containsExactly(
            "environment=staging",
            "runId=run-42",
            "trigger=manual",
            "project=shop",
            "label=nightly");
  }

  @Test
  void propertiesLeaveOutWhatTheRunDoesNotHave() throws Exception {
    Element suite = children(parse(report.render(SampleRuns.allPassed())), "testsuite").get(0);

    assertThat(properties(suite))
        .containsExactly("environment=staging", "runId=run-43", "trigger=schedule");
  }

  @Test
  void aFailedCheckKeepsItsFullMessageWithoutIllegalCharacters() throws Exception {
    Element testcase = testcase(parse(report.render(SampleRuns.mixed())), "create order");

    assertThat(testcase.getAttribute("classname")).isEqualTo("checkout");
    assertThat(testcase.getAttribute("time")).isEqualTo("0.880");
    Element failure = only(testcase, "failure");
    assertThat(failure.getAttribute("type")).isEqualTo("FAILED");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("expected body to contain \"<ok/>\" & 'done' but was: <html>");
    assertThat(failure.getTextContent())
        .isEqualTo("expected body to contain \"<ok/>\" & 'done'\nbut was: <html>");
  }

  @Test
  void anErrorCheckHasAnErrorElement() throws Exception {
    Element testcase = testcase(parse(report.render(SampleRuns.mixed())), "payment callback");

    Element error = only(testcase, "error");
    assertThat(error.getAttribute("type")).isEqualTo("ERROR");
    assertThat(error.getAttribute("message")).isEqualTo("timed out after 5s");
    assertThat(testcase.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void aSkippedCheckHasASkippedElementWithItsReason() throws Exception {
    Element testcase = testcase(parse(report.render(SampleRuns.mixed())), "refund");

    assertThat(only(testcase, "skipped").getAttribute("message")).isEqualTo("needs create order");
  }

  @Test
  void aFlakyCheckPassesButShowsItsEarlierFailureAndAttempt() throws Exception {
    Element testcase = testcase(parse(report.render(SampleRuns.mixed())), "login page");

    assertThat(testcase.getElementsByTagName("failure").getLength()).isZero();
    assertThat(testcase.getElementsByTagName("error").getLength()).isZero();
    Element flaky = only(testcase, "flakyFailure");
    assertThat(flaky.getAttribute("type")).isEqualTo("FLAKY");
    assertThat(flaky.getAttribute("message")).isEqualTo("expected status 200 but was 503");
    assertThat(only(testcase, "system-out").getTextContent()).isEqualTo("Passed on attempt 2.");
  }

  @Test
  void aPassedCheckHasNoChildren() throws Exception {
    Element testcase = testcase(parse(report.render(SampleRuns.mixed())), "version");

    assertThat(testcase.getElementsByTagName("*").getLength()).isZero();
    assertThat(testcase.getAttribute("time")).isEqualTo("0.015");
  }

  @Test
  void timesAreSecondsWithThreeDecimalsAndNoExponent() {
    assertThat(JunitXmlReport.seconds(0)).isEqualTo("0.000");
    assertThat(JunitXmlReport.seconds(7)).isEqualTo("0.007");
    assertThat(JunitXmlReport.seconds(42)).isEqualTo("0.042");
    assertThat(JunitXmlReport.seconds(100)).isEqualTo("0.100");
    assertThat(JunitXmlReport.seconds(1_000)).isEqualTo("1.000");
    assertThat(JunitXmlReport.seconds(60_009)).isEqualTo("60.009");
    assertThat(JunitXmlReport.seconds(1_234_567)).isEqualTo("1234.567");
    assertThat(JunitXmlReport.seconds(-5)).isEqualTo("0.000");
  }

  @Test
  void charactersXmlCannotCarryAreDropped() {
    assertThat(XmlOut.legal("plain\ttext ✓\r\n")).isEqualTo("plain\ttext ✓\r\n");
    assertThat(XmlOut.legal("a\u0000b\u0007c\td\ne\uFFFEf\uD800g😀")).isEqualTo("abc\td\nefg😀");
  }

  private static void validate(String xml) throws Exception {
    URL xsd = Objects.requireNonNull(JunitXmlReportTest.class.getResource("/schemas/junit-10.xsd"));
    Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)));
  }

  private static List<Element> children(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  private static Element testcase(Document doc, String name) {
    return children(doc, "testcase").stream()
        .filter(e -> e.getAttribute("name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Element only(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    assertThat(nodes.getLength()).as("number of <%s>", tag).isEqualTo(1);
    return (Element) nodes.item(0);
  }

  private static List<String> properties(Element suite) {
    NodeList nodes = suite.getElementsByTagName("property");
    List<String> properties = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element p = (Element) nodes.item(i);
      properties.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
    }
    return properties;
  }
}
