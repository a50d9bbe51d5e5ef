package io.stagewatch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The exit codes of the contract, in one place. */
public final class ExitCodes {
  /** Every selected check passed (flaky ones included). */
  public static final int PASSED = 0;

  /** At least one check failed. */
  public static final int FAILED = 1;

  /** Usage or configuration error: nothing was run. */
  public static final int USAGE = 2;

  /** Internal or infrastructure error, such as reports or the store that cannot be written. */
  public static final int INTERNAL = 3;

  /** Another run of the same environment holds the run lock; nothing was run. */
  public static final int LOCKED = 4;

  /** What each code means to a person reading {@code --help}, in code order. */
  private static final Map<Integer, String> MEANINGS =
      new TreeMap<>(
          Map.of(
              PASSED, "all checks passed (flaky ones too)",
              FAILED, "a check failed",
              USAGE, "usage or configuration error (nothing run)",
              INTERNAL,
                  "internal or infrastructure error (e.g. the store or the reports cannot be"
                      + " written)",
              LOCKED, "another run of the environment holds the run lock (nothing run)"));

  private ExitCodes() {}

  /**
   * The help text of the codes, {@code Exit codes: 0 all checks passed ...}, wrapped for {@code
   * --help}: the one place it is written.
   */
  static String[] help() {
    StringBuilder text = new StringBuilder("Exit codes:");
    // A loop, not a sorted stream: every command builds this text, and linking the stream's
    // comparator took a start 7 ms.
    for (Map.Entry<Integer, String> e : MEANINGS.entrySet()) {
      text.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(',');
    }
    text.setLength(text.length() - 1);
    text.append('.');
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.toString().split(" ")) {
      if (line.length() + word.length() + 1 > WIDTH && !line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines.toArray(String[]::new);
  }

  /** The width {@code --help} wraps at. */
  private static final int WIDTH = 76;
}
