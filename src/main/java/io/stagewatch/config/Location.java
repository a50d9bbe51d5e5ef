package io.stagewatch.config;

/** Where a value was written: a file and a 1-based line and column. */
public record Location(String file, int line, int column) {

  /** A location for problems that concern a whole file. */
  public static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }

  /**
   * Where the character at {@code index} of {@code text} stands, counted as the YAML parser counts
   * (so that it matches the places the parser reports): a line ends at LF, CR LF, a lone CR, NEL,
   * LS or PS, and columns count code points.
   */
  public static Location at(String file, CharSequence text, int index) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < index; i++) {
      char c = text.charAt(i);
      boolean crBeforeLf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
      if (c == '\n'
          || c == '\r' && !crBeforeLf
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c) && !crBeforeLf) {
        column++;
      }
    }
    return new Location(file, line, column);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
