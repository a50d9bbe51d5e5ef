package io.stagewatch.report.badge;

import static io.stagewatch.report.html.StatusPage.escape;

/**
 * A flat two-part badge, a label on grey and a message on a colour, as one self-contained SVG: no
 * fonts, images or scripts from elsewhere, so that it shows the same in any README or page.
 *
 * @param label the left part, e.g. the schedule's name
 * @param message the right part, e.g. {@code passing} or {@code 99.5%}
 * @param colour the message's background, a CSS colour
 */
public record Badge(String label, String message, String colour) {
  public static final String GREEN = "#2e7d32";
  public static final String RED = "#c62828";
  public static final String AMBER = "#b26a00";
  public static final String GREY = "#6b6b6b";

  private static final int HEIGHT = 20;
  private static final int PADDING = 6;

  /** The badge as an SVG document. */
  public String svg() {
    int left = textWidth(label) + 2 * PADDING;
    int right = textWidth(message) + 2 * PADDING;
    int width = left + right;
    String title = escape(label + ": " + message);
    // Ids of its own: badges placed inline in one page share a document, and so their ids.
    String id = "sw" + Integer.toHexString(hashCode());
    String l = escape(label);
    String m = escape(message);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + width
        + "\" height=\""
        + HEIGHT
        + "\" role=\"img\" aria-label=\""
        + title
        + "\">\n"
        + "  <title>"
        + title
        + "</title>\n"
        + "  <linearGradient id=\""
        + id
        + "-shine\" x2=\"0\" y2=\"100%\">"
        + "<stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
        + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>\n"
        + "  <clipPath id=\""
        + id
        + "-round\"><rect width=\""
        + width
        + "\" height=\""
        + HEIGHT
        + "\" rx=\"3\" fill=\"#fff\"/></clipPath>\n"
        + "  <g clip-path=\"url(#"
        + id
        + "-round)\">\n"
        + "    <rect width=\""
        + left
        + "\" height=\""
        + HEIGHT
        + "\" fill=\"#555\"/>\n"
        + "    <rect x=\""
        + left
        + "\" width=\""
        + right
        + "\" height=\""
        + HEIGHT
        + "\" fill=\""
        + escape(colour)
        + "\"/>\n"
        + "    <rect width=\""
        + width
        + "\" height=\""
        + HEIGHT
        + "\" fill=\"url(#"
        + id
        + "-shine)\"/>\n"
        + "  </g>\n"
        + "  <g fill=\"#fff\" text-anchor=\"middle\""
        + " font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">\n"
        + text(left / 2, l)
        + text(left + right / 2, m)
        + "  </g>\n"
        + "</svg>\n";
  }

  /** A text with its shadow, centred on {@code x}. */
  private static String text(int x, String escaped) {
    return "    <text x=\""
        + x
        + "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">"
        + escaped
        + "</text>\n    <text x=\""
        + x
        + "\" y=\"14\">"
        + escaped
        + "</text>\n";
  }

  /**
   * The width of {@code text} in 11 px Verdana, close enough to size the badge without the font:
   * narrow letters, wide letters and the rest at their typical advance.
   */
  static int textWidth(String text) {
    double width = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if ("iljtf.,:;'!|() ".indexOf(c) >= 0) {
        width += 4.2;
      } else if ("mwMW%@".indexOf(c) >= 0) {
        width += 11.2;
      } else if (Character.isUpperCase(c) || Character.isDigit(c)) {
        width += 8.0;
      } else {
        width += 7.1;
      }
    }
    return (int) Math.ceil(width);
  }
}
