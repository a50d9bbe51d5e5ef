package io.stagewatch.check.sql;

/**
 * A query as written, read the way PostgreSQL splits statements: a semicolon ends a statement only
 * outside quotes, quoted identifiers, dollar-quoted strings and comments. The driver would send
 * each statement of a multi-statement text, so a check refuses such text before anything is sent.
 */
record SqlText(String text) {

  /** How many statements the text holds; blank and comment-only parts do not count. */
  int statementCount() {
    int count = 0;
    boolean content = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      int next = skipQuotedOrComment(i);
      if (next > i) {
        content |= !isComment(i);
        i = next;
      } else if (c == ';') {
        count += content ? 1 : 0;
        content = false;
        i++;
      } else {
        content |= !Character.isWhitespace(c);
        i++;
      }
    }
    return count + (content ? 1 : 0);
  }

  private boolean isComment(int i) {
    return text.startsWith("--", i) || text.startsWith("/*", i);
  }

  /** The index after the quoted part or comment that starts at {@code i}, or {@code i}. */
  private int skipQuotedOrComment(int i) {
    char c = text.charAt(i);
    if (text.startsWith("--", i)) {
      int end = text.indexOf('\n', i);
      return end < 0 ? text.length() : end + 1;
    }
    if (text.startsWith("/*", i)) {
      return skipBlockComment(i);
    }
    if (c == '\'') {
      boolean escapes = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e');
      return skipQuoted(i, '\'', escapes);
    }
    if (c == '"') {
      return skipQuoted(i, '"', false);
    }
    if (c == '$') {
      return skipDollarQuoted(i);
    }
    return i;
  }

  /** Block comments nest in PostgreSQL. */
  private int skipBlockComment(int start) {
    int depth = 0;
    int i = start;
    while (i < text.length()) {
      if (text.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (text.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return text.length();
  }

  /** A doubled quote stands for itself; with {@code E'...'} a backslash escapes too. */
  private int skipQuoted(int start, char quote, boolean backslashEscapes) {
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }

  /** {@code $$...$$} or {@code $tag$...$tag$}; a {@code $1} parameter is not a quote. */
  private int skipDollarQuoted(int start) {
    if (start > 0 && isIdentifierPart(text.charAt(start - 1))) {
      return start;
    }
    int i = start + 1;
    while (i < text.length()
        && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    if (i >= text.length()
        || text.charAt(i) != '$'
        || (i > start + 1 && Character.isDigit(text.charAt(start + 1)))) {
      return start;
    }
    String tag = text.substring(start, i + 1);
    int end = text.indexOf(tag, i + 1);
    return end < 0 ? text.length() : end + tag.length();
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
