package io.stagewatch.readiness;

import java.nio.file.Path;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Line coverage from a JaCoCo XML report (the report-level {@code <counter type="LINE">}, covered
 * over missed plus covered) or a Cobertura XML report ({@code lines-covered} over {@code
 * lines-valid} on {@code <coverage>}, else its {@code line-rate}). The format is told by the root
 * element.
 */
public final class CoverageReport {
  private CoverageReport() {}

  public static ComponentInput read(Path file) throws InputException {
    Document doc = SafeXml.parse(file);
    Element root = doc.getDocumentElement();
    return switch (root.getTagName()) {
      case "report" -> jacoco(file, root);
      case "coverage" -> cobertura(file, root);
      default ->
          throw new InputException(
              file,
              "not a JaCoCo or Cobertura XML report: the root element is <"
                  + root.getTagName()
                  + ">");
    };
  }

  private static ComponentInput jacoco(Path file, Element report) throws InputException {
    for (Node n = report.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element counter
          && counter.getTagName().equals("counter")
          && counter.getAttribute("type").equals("LINE")) {
        long missed = number(file, counter, "missed");
        long covered = number(file, counter, "covered");
        if (missed + covered == 0) {
          throw new InputException(file, "the JaCoCo report counts no lines");
        }
        return new ComponentInput(
            Component.COVERAGE,
            file.toString(),
            100.0 * covered / (missed + covered),
            covered + "/" + (missed + covered) + " lines covered (JaCoCo)");
      }
    }
    throw new InputException(file, "the JaCoCo report has no report-level <counter type=\"LINE\">");
  }

  private static ComponentInput cobertura(Path file, Element coverage) throws InputException {
    if (coverage.hasAttribute("lines-valid") && coverage.hasAttribute("lines-covered")) {
      long valid = number(file, coverage, "lines-valid");
      long covered = number(file, coverage, "lines-covered");
      if (valid > 0) {
        return new ComponentInput(
            Component.COVERAGE,
            file.toString(),
            100.0 * covered / valid,
            covered + "/" + valid + " lines covered (Cobertura)");
      }
    }
    String rate = coverage.getAttribute("line-rate");
    try {
      double value = Double.parseDouble(rate);
      if (value < 0 || value > 1) {
        throw new InputException(file, "line-rate " + rate + " is not between 0 and 1");
      }
      return new ComponentInput(
          Component.COVERAGE, file.toString(), 100 * value, "line-rate " + rate + " (Cobertura)");
    } catch (NumberFormatException e) {
      throw new InputException(
          file, "the Cobertura report has no line-rate (found '" + rate + "')", e);
    }
  }

  private static long number(Path file, Element element, String attribute) throws InputException {
    String text = element.getAttribute(attribute);
    try {
      long value = Long.parseLong(text);
      if (value < 0) {
        throw new NumberFormatException("negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InputException(
          file,
          "<" + element.getTagName() + "> " + attribute + "='" + text + "' is not a count",
          e);
    }
  }
}
