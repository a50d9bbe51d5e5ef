package io.stagewatch.check;

/**
 * A value as failure reasons show it: in double quotes, with the quotes, backslashes and control
 * characters inside written as JSON writes them, so that a wanted {@code "openapi"} reads {@code
 * "\"openapi\""} rather than {@code ""openapi""}, and a value's tab or line break can be seen.
 */
public final class Quoted {
  private Quoted() {}

  public static String of(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
