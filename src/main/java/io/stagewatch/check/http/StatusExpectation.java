package io.stagewatch.check.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The statuses a response may have: exact codes ({@code 200}) and classes ({@code 2xx}), any of
 * which matches.
 *
 * @param accepted each entry is either a three-digit code or a class such as {@code "2xx"}
 */
public record StatusExpectation(List<String> accepted) {
  /** What a check expects when it says nothing about the status. */
  public static final StatusExpectation ANY_SUCCESS = new StatusExpectation(List.of("2xx"));

  /** What the configuration error message says a status looks like. */
  public static final String EXPECTED = "a status code such as 200, a class such as 2xx, or a list";

  private static final Pattern CODE = Pattern.compile("[1-5]\\d\\d");
  private static final Pattern CLASS = Pattern.compile("([1-5])xx", Pattern.CASE_INSENSITIVE);

  public StatusExpectation {
    accepted = List.copyOf(accepted);
  }

  /** Parses the written entries; null when one of them is neither a code nor a class. */
  public static @Nullable StatusExpectation parse(List<String> written) {
    if (written.isEmpty()) {
      return null;
    }
    List<String> accepted = new ArrayList<>();
    for (String entry : written) {
      String trimmed = entry.trim();
      Matcher asClass = CLASS.matcher(trimmed);
      if (CODE.matcher(trimmed).matches()) {
        accepted.add(trimmed);
      } else if (asClass.matches()) {
        accepted.add(asClass.group(1) + "xx");
      } else {
        return null;
      }
    }
    return new StatusExpectation(accepted);
  }

  public boolean matches(int status) {
    String code = Integer.toString(status);
    return accepted.stream()
        .anyMatch(a -> a.endsWith("xx") ? code.charAt(0) == a.charAt(0) : a.equals(code));
  }

  /** The accepted statuses as a message shows them: {@code 200}, {@code 200 or 204}. */
  public String describe() {
    return String.join(" or ", accepted);
  }
}
