package io.stagewatch.config;

import org.jspecify.annotations.Nullable;
import org.junit.platform.launcher.TagFilter;

/** Tag expressions ({@code smoke & !slow}) as JUnit reads them, judged in one place. */
public final class TagExpressions {
  private TagExpressions() {}

  /** What is wrong with {@code expression}, for a command or the config to say; null if valid. */
  public static @Nullable String problem(String expression) {
    try {
      TagFilter.includeTags(expression);
      return null;
    } catch (RuntimeException e) {
      return invalid(expression, e);
    }
  }

  /** The message for an expression that JUnit refused with {@code refusal}. */
  public static String invalid(String expression, RuntimeException refusal) {
    return "'" + expression + "' is not a valid tag expression: " + refusal.getMessage();
  }
}
