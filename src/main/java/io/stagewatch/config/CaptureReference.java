package io.stagewatch.config;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a {@code ${name}} that refers to a value captured by an earlier check stays in a loaded suite
 * until the run knows the value. It is kept as the name between two NUL characters, which neither a
 * suite file (control characters are refused) nor an environment variable can hold, so that no text
 * written or interpolated is ever mistaken for a reference ({@code $${name}} stays the literal text
 * it asks for).
 */
public final class CaptureReference {
  private static final char MARK = '\u0000';
  private static final Pattern REFERENCE =
      Pattern.compile(MARK + "([A-Za-z_][A-Za-z0-9_]*)" + MARK);

  private CaptureReference() {}

  /** The stand-in for {@code ${name}} in a loaded value. */
  public static String of(String name) {
    return MARK + name + MARK;
  }

  /** Whether a value still refers to a captured value. */
  public static boolean holdsReference(String text) {
    return text.indexOf(MARK) >= 0;
  }

  /** The names a value refers to, in order. */
  public static Set<String> names(@Nullable String text) {
    Set<String> names = new LinkedHashSet<>();
    if (text != null && holdsReference(text)) {
      Matcher m = REFERENCE.matcher(text);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** The value with each reference replaced by what {@code values} gives for its name. */
  public static String resolve(String text, Map<String, String> values) {
    return replace(text, name -> values.getOrDefault(name, "${" + name + "}"));
  }

  /** The value as a person wrote it: each reference as {@code ${name}}. */
  public static String shown(String text) {
    return replace(text, name -> "${" + name + "}");
  }

  /**
   * The value with each reference replaced by a sample that fits in a path or a query ({@code
   * /sample}: a captured {@code Location} may be a path), to validate its shape.
   */
  public static String sample(String text) {
    return replace(text, name -> "/sample");
  }

  private static String replace(String text, Function<String, String> value) {
    if (!holdsReference(text)) {
      return text;
    }
    return REFERENCE
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(value.apply(m.group(1))));
  }
}
