package io.stagewatch.suite;

import org.jspecify.annotations.Nullable;

/**
 * Suite names, check names and tags are one line of text. They are printed one per line on the
 * console and written into report rows, Slack messages and metric labels: a line break there would
 * forge or split a line, and an escape sequence could rewrite the terminal.
 */
final class OneLine {
  private OneLine() {}

  /**
   * Why {@code text} is not one line, or null when it is: it holds a control character (C0, DEL or
   * C1; tab is fine) or a Unicode line or paragraph separator. The message names the character by
   * its code point and never shows the text, which may come from a variable.
   */
  static @Nullable String problemWith(String text) {
    int position = 1;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int c = text.codePointAt(i);
      if (c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
        return String.format(
            "must be one line of text: %s at character %d is not allowed", describe(c), position);
      }
      position++;
    }
    return null;
  }

  private static String describe(int c) {
    String name =
        switch (c) {
          case 0 -> " (NUL)";
          case '\n' -> " (line feed)";
          case '\r' -> " (carriage return)";
          case 0x1B -> " (escape)";
          default -> "";
        };
    return String.format("U+%04X%s", c, name);
  }
}
